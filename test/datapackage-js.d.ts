/**
 * The few parts of frictionlessdata's `datapackage` library (it ships no
 * types) that the Frictionless test uses.
 */
declare module 'datapackage' {
  export interface Resource {
    readonly name: string;
    read(options: { keyed: true; cast: true }): Promise<Record<string, unknown>[]>;
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: { message: string }[];
    readonly resources: Resource[];
    getResource(name: string): Resource | null;
  }
}
