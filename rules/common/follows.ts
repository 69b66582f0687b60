/**
 * What the request model follows, each flow phrased once, so every rule's docs ("What it
 * follows") name the same flows in the same words. A rule lists the flows its findings depend
 * on; a new flow is one entry here and one line in the rules that read it.
 */
export const FOLLOWS = {
  clientEndpoints:
    "Where a client sends: its base URL or API key as a literal, as an expression that names them " +
    "(`os.getenv(\"CEREBRAS_BASE_URL\", \"https://api.cerebras.ai/v1\")`, `process.env.X || \"...\"`), or through a " +
    "variable or attribute given such a value once (`self.base_url = os.getenv(...)`, then `base_url=self.base_url`), " +
    "in this file or another module of the project (`settings.BASE_URL`, `from config import API_KEY`, a settings " +
    "class's attribute), " +
    "also when the URL is then normalised in place in the same function (a trim such as `url.rstrip(\"/\")` or " +
    "`url.trim()`, an end-anchored pattern removed such as `url.replace(/\\/+$/, \"\")`, a path appended such as " +
    "`url + \"/v1\"`); any other step (`url.replace(HOST, proxy)`) leaves it unknown.",
  settingsInstances:
    "Values kept on an instance of a config class (`config = GenerationConfig()` of a dataclass, attrs or pydantic " +
    "class, in this file or imported from another module: `from settings import settings`): a field is the class's " +
    "default, or the keyword the call gives it; an instance made with positional arguments, changed by the file, or " +
    "whose name is also a parameter or local somewhere in the file is not read. Values kept in a module-level dict or " +
    "object literal read by key (`GENERATION[\"temperature\"]`, `CONFIG.retry.temperature`), unless the file changes " +
    "it (a key set, `update(...)`, `Object.assign(...)`). A number a constant of another module holds (`temperature=consts.TEMPERATURE`, " +
    "`from tuning import MAX_OUTPUT`) is read too; such values are reported where they are used, never edited there.",
  changedBodies:
    "Bodies changed after they are built and before they are sent, in the same function: `body[\"max_tokens\"] = n`, " +
    "`params.disable_reasoning = x`, `kwargs.update(top_p=0.9)`, `params.update({...})`, `Object.assign(body, {...})`. " +
    "A field set by such a statement is renamed or given a new value where it stands, never removed or moved (the " +
    "statement may be all its block holds); a change made in another function is not followed.",
  namedBodies:
    "A dict or object built in a variable and then sent: `create(**params)`, `extra_body=extra`, `create(params)` in " +
    "JS/TS, `json=payload`, `body: JSON.stringify(payload)`; the variable must be given one literal in that function.",
  conditionalSpreads:
    "Conditional spreads: `**({...} if c else {})`, `...(c ? {...} : {})`, `...(c && {...})`; each branch's fields.",
  sharedDicts:
    "A module-level dict spread into requests is fixed at its definition only when every request that spreads it, " +
    "in this file or another module (`from params import PARAMS`), goes where this one goes; otherwise it is " +
    "reported without a fix.",
  wrappers:
    "The project's own functions that make a request (`def ask(prompt, temp=0.7, **kwargs): ...create(temperature=temp, " +
    "**kwargs)`), in the same file (functions and `self.` methods) and across modules (module-level functions): each " +
    "call is a request whose fields are the keywords the function forwards. A keyword that reaches the request through " +
    "`**kwargs` is the request's field and is edited at the call; a parameter the function puts into the request keeps " +
    "the function's name, so only its value is checked. A function that calls such a wrapper is one too (one level: " +
    "a third function calling that one is not followed). In JS/TS, a function that spreads an options parameter into " +
    "its request (`create({ ..., ...options })`) takes the object passed at that place as request fields.",
  wrapperModels:
    "A model ID passed to the project's own function that sends it as its request's model (`ask_cerebras(q, " +
    "model=\"...\")`, the function in the same file or another module), and the default of such a parameter " +
    "(`def ask_cerebras(q, model=\"...\")`): each goes where that request goes.",
  systemPrompts:
    "The system prompt of a GLM request: the `content` of a `system` (or `developer`) message in the request's " +
    "messages literal, a messages list or prompt kept in a constant (followed to its literal), and the AI SDK's " +
    "`system` option. A prompt assembled at run time (f-strings over variables, templates read from files) is not read.",
  responseReads:
    "Reads of a Cerebras response back to the call that made it: the response variable, its `choices[i]`, " +
    "`message` and `delta`, a loop over a stream's chunks, and an assistant message built with the key and sent " +
    "back. A response passed to another function, or read in another module, is reported without a fix in a file " +
    "that talks to Cerebras and not followed further.",
  requestModels:
    "The model ID of a request as model-id finds it (constants, fields, a parameter's default and what the file's " +
    "callers pass for it, a setting's fallback such as `cfg.get(\"model\", \"...\")` or `os.getenv(\"X\", \"...\")`, a " +
    "settings class of another module), and Cerebras deployments in configuration (`CEREBRAS_MODEL=...`, a " +
    "`cerebras/` prefix); a configuration key naming another provider (`HUGGINGFACE_MODEL`) is not a Cerebras one.",
} as const;

/** The flows every rule that reads a request's fields follows. */
export const BODY_FLOWS: readonly string[] = [FOLLOWS.clientEndpoints, FOLLOWS.settingsInstances, FOLLOWS.namedBodies, FOLLOWS.changedBodies, FOLLOWS.conditionalSpreads, FOLLOWS.sharedDicts, FOLLOWS.wrappers];
