/* eslint-disable @typescript-eslint/no-explicit-any -- this file reads zod's internal definitions */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { cashBenefitEvents } from '../src/domain/cash-benefit/events';
import { checks } from '../src/domain/checks';
import { courseEvents } from '../src/domain/course/events';
import { fleksjobEvents } from '../src/domain/fleksjob/events';

/**
 * Generates the validators the workflows check events with (src/domain/generated/event-validators.ts)
 * from the zod schemas of every kind's events: plain functions, no zod, nothing allocated when the
 * module is evaluated but a few regular expressions and sets — every workflow evaluates the workflow
 * code's modules anew, and building zod's schema objects was most of what a case cost the worker.
 *
 *   npm run validators            writes the file
 *   npm run validators -- --check fails if the file is not what the schemas generate
 *
 * The file is committed (it is reviewed like code, and type-checked against the schemas' types);
 * bundling the workflows refuses a stale one (worker/workflow-bundle.ts), and so does a unit test.
 *
 * It reproduces zod's semantics for what the event schemas use — strict objects, strings (trim,
 * min/max length, regex, email, ISO date), finite numbers with bounds, booleans, enums, literals,
 * arrays with bounds, optional, nullable, default, refinements — with zod's own messages and its rule
 * for when a refinement still runs after an earlier issue. A refinement must be a named check of
 * src/domain/checks.ts (it is called by name); anything else the generator does not know stops it
 * with the schema's path. test/unit/event-validators.test.ts compares both on a generated corpus.
 */

export const validatorsPath = join(__dirname, '..', 'src', 'domain', 'generated', 'event-validators.ts');

const catalogs = [
  {
    exportName: 'courseEventValidators',
    schemas: courseEvents,
    typeName: 'courseEvents',
    from: '../course/events',
  },
  {
    exportName: 'fleksjobEventValidators',
    schemas: fleksjobEvents,
    typeName: 'fleksjobEvents',
    from: '../fleksjob/events',
  },
  {
    exportName: 'cashBenefitEventValidators',
    schemas: cashBenefitEvents,
    typeName: 'cashBenefitEvents',
    from: '../cash-benefit/events',
  },
] as const;

type Schema = z.core.$ZodType;

const def = (schema: Schema): any => (schema as any)._zod.def;
const checksOf = (schema: Schema): any[] =>
  ((def(schema).checks ?? []) as any[]).map((check) => check._zod.def);

function messageOf(check: any): string | undefined {
  if (check.error === undefined) return undefined;
  return typeof check.error === 'function' ? String(check.error({})) : String(check.error);
}

class Generator {
  private readonly functions: string[] = [];
  private readonly names = new Map<Schema, string>();
  private readonly constants: string[] = [];
  private readonly constantNames = new Map<string, string>();
  private readonly checkNames = new Map<unknown, string>(
    Object.entries(checks).map(([name, fn]) => [fn, name]),
  );

  constructor(private readonly where: string[]) {}

  at(where: string[]): Generator {
    const child = Object.create(this) as Generator;
    (child as any).where = where;
    return child;
  }

  fail(what: string): never {
    throw new Error(`cannot generate a validator for ${this.where.join('.')}: ${what}`);
  }

  constant(code: string): string {
    let name = this.constantNames.get(code);
    if (!name) {
      name = `K${this.constantNames.size}`;
      this.constantNames.set(code, name);
      this.constants.push(`const ${name} = ${code};`);
    }
    return name;
  }

  regex(pattern: unknown): string {
    if (!(pattern instanceof RegExp)) this.fail(`a pattern that is no RegExp (${String(pattern)})`);
    // Preloaded modules are frozen: a g or y flag would make test() write lastIndex.
    if (pattern.global || pattern.sticky) this.fail(`a pattern with the g or y flag (${String(pattern)})`);
    return this.constant(String(pattern));
  }

  /** A refinement as code: a named check, or one a named factory made (called again with its arguments). */
  refinement(fn: unknown): string {
    const name = this.checkNames.get(fn);
    if (name) return `checks.${name}`;
    const made = fn as { madeBy?: unknown; args?: unknown };
    if (
      typeof made.madeBy === 'string' &&
      this.checkNames.get((checks as any)[made.madeBy]) === made.madeBy
    ) {
      return this.constant(
        `checks.${made.madeBy}(${(made.args as unknown[]).map((a) => JSON.stringify(a)).join(', ')})`,
      );
    }
    return this.fail(
      `a refinement that is not a named check (${String(fn).slice(0, 80)}): declare it in a checks object spread into src/domain/checks.ts`,
    );
  }

  /** Emits a function (input, path, issues) → output for a schema; returns its name. */
  compile(schema: Schema): string {
    const known = this.names.get(schema);
    if (known) return known;
    const name = `v${this.names.size}`;
    this.names.set(schema, name);
    const d = def(schema);
    const body: string[] = [];
    const emit = (line: string) => body.push(`  ${line}`);
    switch (d.type) {
      case 'object': {
        if (!d.catchall || def(d.catchall).type !== 'never') this.fail('an object that is not strict');
        emit(
          `if (typeof input !== 'object' || input === null || Array.isArray(input)) { issues.push(typeIssue(path, 'object', input)); return input; }`,
        );
        emit(`const start = issues.length;`);
        emit(`const value: any = {};`);
        for (const [key, child] of Object.entries(d.shape as Record<string, Schema>)) {
          const c = this.at([...this.where, key]).compile(child);
          const k = JSON.stringify(key);
          const kind = def(child).type;
          if (kind === 'optional') {
            emit(`if (${k} in input) value[${k}] = ${c}(input[${k}], [...path, ${k}], issues);`);
          } else if (kind === 'default') {
            emit(`value[${k}] = ${c}(input[${k}], [...path, ${k}], issues);`);
          } else {
            emit(
              `{ const r = ${c}(input[${k}], [...path, ${k}], issues); if (r !== undefined || ${k} in input) value[${k}] = r; }`,
            );
          }
        }
        const keys = this.constant(`new Set<string>(${JSON.stringify(Object.keys(d.shape))})`);
        emit(`const unknown: string[] = [];`);
        emit(`for (const key in input) if (!${keys}.has(key)) unknown.push(key);`);
        emit(
          `if (unknown.length) issues.push({ path, message: 'Unrecognized key' + (unknown.length > 1 ? 's' : '') + ': ' + unknown.map((k) => '"' + k + '"').join(', '), cont: true });`,
        );
        this.checks(schema, 'value', emit);
        emit(`return value;`);
        break;
      }
      case 'string': {
        emit(
          `if (typeof input !== 'string') { issues.push(typeIssue(path, 'string', input)); ${this.lengthChecksOnRaw(schema)} return input; }`,
        );
        emit(`let value = input;`);
        emit(`const start = issues.length;`);
        if (d.format === 'email' || d.format === 'date') {
          const re = this.regex(d.pattern);
          const message =
            messageOf(d) ?? (d.format === 'email' ? 'Invalid email address' : 'Invalid ISO date');
          emit(
            `if (!${re}.test(value)) issues.push({ path, message: ${JSON.stringify(message)}, cont: ${!d.abort} });`,
          );
        } else if (d.format) {
          this.fail(`the string format ${d.format}`);
        }
        this.checks(schema, 'value', emit);
        emit(`return value;`);
        break;
      }
      case 'number': {
        emit(
          `if (typeof input !== 'number' || !Number.isFinite(input)) { issues.push(typeIssue(path, 'number', input)); return input; }`,
        );
        emit(`const value = input;`);
        emit(`const start = issues.length;`);
        this.checks(schema, 'value', emit);
        emit(`return value;`);
        break;
      }
      case 'boolean':
        if (checksOf(schema).length) this.fail('checks on a boolean');
        emit(`if (typeof input !== 'boolean') issues.push(typeIssue(path, 'boolean', input));`);
        emit(`return input;`);
        break;
      case 'enum': {
        if (checksOf(schema).length) this.fail('checks on an enum');
        const values = Object.values(d.entries);
        const set = this.constant(`new Set<unknown>(${JSON.stringify(values)})`);
        const message =
          values.length === 1
            ? `Invalid input: expected ${JSON.stringify(values[0])}`
            : `Invalid option: expected one of ${values.map((x) => JSON.stringify(x)).join('|')}`;
        emit(
          `if (!${set}.has(input)) issues.push({ path, message: ${JSON.stringify(message)}, cont: undefined });`,
        );
        emit(`return input;`);
        break;
      }
      case 'literal': {
        if (checksOf(schema).length) this.fail('checks on a literal');
        const values = d.values as unknown[];
        const message =
          values.length === 1
            ? `Invalid input: expected ${JSON.stringify(values[0])}`
            : `Invalid option: expected one of ${values.map((x) => JSON.stringify(x)).join('|')}`;
        emit(
          `if (!${this.constant(`new Set<unknown>(${JSON.stringify(values)})`)}.has(input)) issues.push({ path, message: ${JSON.stringify(message)}, cont: undefined });`,
        );
        emit(`return input;`);
        break;
      }
      case 'array': {
        const element = this.at([...this.where, '[]']).compile(d.element);
        emit(
          `if (!Array.isArray(input)) { issues.push(typeIssue(path, 'array', input)); ${this.lengthChecksOnRaw(schema)} return input; }`,
        );
        emit(`const start = issues.length;`);
        // zod 4.6: an array longer than a leading maximum fails that check before any item is parsed.
        for (const check of this.leadingCaps(schema)) {
          const message = messageOf(check) ?? `Too big: expected array to have <=${check.maximum} items`;
          emit(
            `if (input.length > ${check.maximum}) { issues.push({ path, message: ${JSON.stringify(message)}, cont: false }); return input; }`,
          );
        }
        emit(`const value: unknown[] = [];`);
        emit(
          `for (let i = 0; i < input.length; i += 1) value.push(${element}(input[i], [...path, i], issues));`,
        );
        this.checks(schema, 'value', emit);
        emit(`return value;`);
        break;
      }
      case 'optional': {
        if (checksOf(schema).length) this.fail('checks on an optional');
        emit(`return input === undefined ? undefined : ${this.compile(d.innerType)}(input, path, issues);`);
        break;
      }
      case 'nullable': {
        if (checksOf(schema).length) this.fail('checks on a nullable');
        emit(`return input === null ? null : ${this.compile(d.innerType)}(input, path, issues);`);
        break;
      }
      case 'default': {
        if (checksOf(schema).length) this.fail('checks on a default');
        const value = JSON.stringify(d.defaultValue);
        if (value === undefined) this.fail('a default that is not plain data');
        emit(`return input === undefined ? ${value} : ${this.compile(d.innerType)}(input, path, issues);`);
        break;
      }
      default:
        this.fail(`the zod type "${d.type}" (extend worker/validators.ts, and its test)`);
    }
    this.functions.push(
      `function ${name}(input: any, path: Path, issues: Found[]): any {\n${body.join('\n')}\n}`,
    );
    return name;
  }

  /** The leading size checks of an array (util.sizeCaps), in order: the maxima zod checks before parsing items. */
  private leadingCaps(schema: Schema): any[] {
    const caps: any[] = [];
    for (const check of checksOf(schema)) {
      if (!/_(length|size)$|_equals$/.test(check.check)) break;
      if (check.check === 'min_length') continue;
      if (check.check !== 'max_length') this.fail(`the size check "${check.check}" on an array`);
      caps.push(check);
    }
    return caps;
  }

  /** After a type issue zod still runs length checks (their `when` only asks for a .length), on the raw input. */
  private lengthChecksOnRaw(schema: Schema): string {
    const isArray = def(schema).type === 'array';
    return checksOf(schema)
      .filter((c) => c.check === 'min_length' || c.check === 'max_length')
      .map((c) => {
        const small = c.check === 'min_length';
        const bound = small ? c.minimum : c.maximum;
        const custom = messageOf(c);
        const message = custom
          ? JSON.stringify(custom)
          : `'Too ${small ? 'small' : 'big'}: expected ' + lengthOrigin(input) + ' ' + sizeWords(lengthOrigin(input), '${small ? '>=' : '<='}', ${bound})`;
        return `if (input != null && input.length !== undefined && input.length ${small ? '<' : '>'} ${bound}) issues.push({ path, message: ${message}, cont: ${isArray ? 'false' : String(!c.abort)} });`;
      })
      .join(' ');
  }

  /** zod's check loop: a check with `when` runs unless an issue aborted; others only while nothing aborted. */
  private checks(schema: Schema, value: string, emit: (line: string) => void): void {
    const list = checksOf(schema);
    if (list.length === 0) return;
    const isArray = def(schema).type === 'array';
    emit(`let aborted = issues.slice(start).some((i) => i.cont !== true);`);
    for (const check of list) {
      const guard = check.when ? `!issues.slice(start).some((i) => i.cont === false)` : '!aborted';
      const cont =
        isArray && (check.check === 'min_length' || check.check === 'max_length') ? false : !check.abort;
      const push = (message: string, path = 'path') =>
        `{ issues.push({ path: ${path}, message: ${message}, cont: ${cont} }); aborted = aborted || ${!cont}; }`;
      switch (check.check) {
        case 'overwrite': {
          if (!/^\(?\w*\)?\s*=>\s*\w+\.trim\(\)$/.test(String(check.tx).trim()))
            this.fail(`the transform ${String(check.tx)}`);
          emit(`if (${guard}) ${value} = ${value}.trim();`);
          break;
        }
        case 'min_length':
        case 'max_length': {
          const small = check.check === 'min_length';
          const bound = small ? check.minimum : check.maximum;
          const origin = isArray ? 'array' : 'string';
          const unit = isArray ? 'items' : 'characters';
          const message =
            messageOf(check) ??
            `Too ${small ? 'small' : 'big'}: expected ${origin} to have ${small ? '>=' : '<='}${bound} ${unit}`;
          emit(
            `if (${guard} && ${value}.length ${small ? '<' : '>'} ${bound}) ${push(JSON.stringify(message))}`,
          );
          break;
        }
        case 'greater_than':
        case 'less_than': {
          const small = check.check === 'greater_than';
          const op = small ? (check.inclusive ? '<' : '<=') : check.inclusive ? '>' : '>=';
          const message =
            messageOf(check) ??
            `Too ${small ? 'small' : 'big'}: expected number to be ${small ? (check.inclusive ? '>=' : '>') : check.inclusive ? '<=' : '<'}${check.value}`;
          emit(`if (${guard} && ${value} ${op} ${Number(check.value)}) ${push(JSON.stringify(message))}`);
          break;
        }
        case 'string_format': {
          if (check.format !== 'regex') this.fail(`the string format ${check.format}`);
          const re = this.regex(check.pattern);
          const message = messageOf(check) ?? `Invalid string: must match pattern ${check.pattern}`;
          emit(`if (${guard} && !${re}.test(${value})) ${push(JSON.stringify(message))}`);
          break;
        }
        case 'custom': {
          const fn = this.refinement(check.fn);
          const message = messageOf(check) ?? 'Invalid input';
          const at = check.path ? `[...path, ...${JSON.stringify(check.path)}]` : 'path';
          emit(`if (${guard} && !${fn}(${value})) ${push(JSON.stringify(message), at)}`);
          break;
        }
        default:
          this.fail(`the check "${check.check}" (extend worker/validators.ts, and its test)`);
      }
    }
  }

  source(): string {
    const exports = catalogs.map(({ exportName, schemas, typeName }) => {
      const entries = Object.entries(schemas as Record<string, Schema>).map(
        ([type, schema]) => `  ${type}: run(${this.at([exportName, type]).compile(schema)}),`,
      );
      return `export const ${exportName}: ValidatorsOf<typeof ${typeName}> = {\n${entries.join('\n')}\n};`;
    });
    const typeImports = catalogs.map(({ typeName, from }) => `import type { ${typeName} } from '${from}';`);
    return [
      `// GENERATED by worker/validators.ts from the zod schemas of src/domain/*/events.ts: \`npm run validators\`.`,
      `// Do not edit. Bundling the workflows, and test/unit/event-validators.test.ts, refuse a stale copy.`,
      `/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-vars, no-useless-assignment, no-useless-escape, prefer-const -- generated */`,
      ...typeImports,
      `import { checks } from '../checks';`,
      `import type { Issue, ValidationResult, ValidatorsOf } from '../engine/validation';`,
      '',
      RUNTIME,
      this.constants.join('\n'),
      '',
      this.functions.join('\n\n'),
      '',
      exports.join('\n\n'),
      '',
    ].join('\n');
  }
}

/** What the generated functions share: zod's wording of type issues and of sizes, and the result. */
const RUNTIME = `type Path = PropertyKey[];
/** An issue, and whether zod would still run later checks after it (\`continue\`). */
interface Found extends Issue {
  cont: boolean | undefined;
}

function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'array';
  if (typeof x === 'number' && Number.isNaN(x)) return 'NaN';
  if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
  return typeof x;
}

function lengthOrigin(x: unknown): string {
  return Array.isArray(x) ? 'array' : typeof x === 'string' ? 'string' : 'unknown';
}

function sizeWords(origin: string, adjective: string, bound: number): string {
  const unit = origin === 'array' ? 'items' : origin === 'string' ? 'characters' : null;
  return unit ? 'to have ' + adjective + bound + ' ' + unit : 'to be ' + adjective + bound;
}

function typeIssue(path: Path, expected: string, input: unknown): Found {
  return { path, message: 'Invalid input: expected ' + expected + ', received ' + typeName(input), cont: undefined };
}

/** Like zod's safeParse: the parsed data, or the issues (path and message). */
function run<T>(fn: (input: unknown, path: Path, issues: Found[]) => unknown): (data: unknown) => ValidationResult<T> {
  return (data) => {
    const issues: Found[] = [];
    const value = fn(data, [], issues);
    if (issues.length === 0) return { success: true, data: value as T };
    return { success: false, issues: issues.map(({ path, message }) => ({ path, message })) };
  };
}
`;

/**
 * The source of src/domain/generated/event-validators.ts as the schemas generate it now. It ends with
 * a fingerprint of itself, which the compiled module exports: bundling checks it where the source
 * tree is not at hand (the image build compiles first, then bundles from dist/).
 */
export function generateValidators(): string {
  const body = new Generator([]).source();
  return `${body}\n/** What the generator made this file from (checked when the workflows are bundled). */\nexport const validatorsFingerprint = '${fingerprintOf(body)}';\n`;
}

function fingerprintOf(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 32);
}

/** Whether the committed file is exactly what the schemas generate (the unit test and `--check`). */
export function validatorsFileIsCurrent(): boolean {
  try {
    return readFileSync(validatorsPath, 'utf8') === generateValidators();
  } catch {
    return false;
  }
}

/**
 * Throws, naming the command, when the validators the workflows would run were not generated from the
 * schemas as they are now (someone changed an event's schema, or merged a change, and did not
 * regenerate). Compares fingerprints, so it works on the compiled code too.
 */
export async function assertValidatorsCurrent(): Promise<void> {
  const stale = `${relative(process.cwd(), validatorsPath)} is not what the event schemas generate: run \`npm run validators\` and commit it`;
  // Loaded here, not imported above: `npm run validators` must run even when the file is broken (a merge).
  let committed: string;
  try {
    committed = (await import('../src/domain/generated/event-validators')).validatorsFingerprint;
  } catch (error) {
    throw new Error(`${stale} (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
  if (committed !== fingerprintOf(new Generator([]).source())) throw new Error(stale);
}
