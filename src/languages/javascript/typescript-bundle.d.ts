// Types for the compiler bundled in @ts-morph/common: the package ships them in
// lib/typescript.d.ts as a named export, and the bundle's module exports that namespace itself.
declare module "@ts-morph/common/dist/typescript.js" {
  import { ts } from "@ts-morph/common";
  export = ts;
}
