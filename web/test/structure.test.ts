import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * How the code is put together, read from its imports: no import cycle anywhere (type-only
 * imports count too), a module's pages use other modules only through the shared kit, and the
 * site takes from core only what runs without valibot (lists, rules and types).
 */

/** The repository: the tests run from it or from web/ (the jsdom environment gives no file address of its own). */
const root = [process.cwd(), resolve(process.cwd(), "..")].find((dir) => existsSync(join(dir, "web/src")) && existsSync(join(dir, "packages")))!;
const SOURCES = ["web/src", "packages", "stacks"];
const WEB_MODULES = ["identity", "directory", "council", "panel", "mentor", "organisation"];

function walk(dir: string, files: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    if (statSync(path).isDirectory()) walk(path, files);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith(".d.ts")) files.push(path);
  }
  return files;
}

const files = SOURCES.filter((dir) => existsSync(join(root, dir))).flatMap((dir) => walk(join(root, dir)));

/** `@naerhed/<package>/x` → packages/<package>/src/x.ts; a relative path as it is. */
function target(from: string, spec: string): string | undefined {
  let base: string | undefined;
  if (spec.startsWith(".")) base = resolve(dirname(from), spec);
  else {
    const match = /^@naerhed\/([^/]+)\/(.+)$/.exec(spec);
    if (match) base = join(root, "packages", match[1]!, "src", match[2]!);
  }
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((file) => existsSync(file) && statSync(file).isFile());
}

type Import = { spec: string; to: string | undefined; typeOnly: boolean };

/** Every import and re-export of a file; `typeOnly` when nothing of it is there at run time. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const found: Import[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?([^'"`;]*?)\s*from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
    const spec = (match[4] ?? match[5])!;
    const names = match[3] ?? "";
    const braces = /^\{([^}]*)\}$/.exec(names.trim());
    const allTypes = !!braces && braces[1]!.split(",").map((part) => part.trim()).filter(Boolean).every((part) => part.startsWith("type "));
    found.push({ spec, to: target(file, spec), typeOnly: !!match[2] || allTypes });
  }
  return found;
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));
const rel = (file: string) => relative(root, file);

describe("the imports", () => {
  it("have no cycle anywhere", () => {
    // Tarjan's strongly connected components: a component of more than one file is a cycle.
    let index = 0;
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (file: string) => {
      order.set(file, index);
      low.set(file, index++);
      stack.push(file);
      onStack.add(file);
      for (const { to } of graph.get(file) ?? []) {
        if (!to || !graph.has(to)) continue;
        if (!order.has(to)) {
          visit(to);
          low.set(file, Math.min(low.get(file)!, low.get(to)!));
        } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, order.get(to)!));
      }
      if (low.get(file) !== order.get(file)) return;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(rel(member));
      } while (member !== file);
      if (component.length > 1) cycles.push(component);
    };
    for (const file of graph.keys()) if (!order.has(file)) visit(file);
    expect(files.length).toBeGreaterThan(200);
    expect(cycles).toEqual([]);
  });

  it("let a module's pages use another module only through the shared kit", () => {
    const web = join(root, "web/src");
    const moduleOf = (file: string) => {
      const top = relative(web, file).split("/")[0]!;
      return WEB_MODULES.includes(top) ? top : top === "lib" || top === "components" ? "kit" : top;
    };
    const crossings = files
      .filter((file) => file.startsWith(web))
      .flatMap((file) =>
        (graph.get(file) ?? [])
          .filter(({ to }) => to?.startsWith(web))
          .filter(({ to }) => {
            // A module uses itself, the kit and the site's pages (not found); the kit is for every module and uses none of them.
            const [from, into] = [moduleOf(file), moduleOf(to!)];
            if (from === "kit") return into !== "kit";
            return WEB_MODULES.includes(from) && from !== into && into !== "kit" && into !== "pages";
          })
          .map(({ to }) => `${rel(file)} → ${rel(to!)}`),
      );
    expect(crossings).toEqual([]);
  });

  it("give the site only core modules that run without valibot", () => {
    const usesValibot = new Map<string, boolean>();
    const needsValibot = (file: string, seen = new Set<string>()): boolean => {
      if (usesValibot.has(file)) return usesValibot.get(file)!;
      if (seen.has(file)) return false;
      seen.add(file);
      const runtime = (graph.get(file) ?? importsOf(file)).filter((entry) => !entry.typeOnly);
      const result = runtime.some((entry) => entry.spec === "valibot" || (entry.to !== undefined && needsValibot(entry.to, seen)));
      usesValibot.set(file, result);
      return result;
    };
    const web = join(root, "web/src");
    const heavy = files
      .filter((file) => file.startsWith(web))
      .flatMap((file) => (graph.get(file) ?? []).filter((entry) => !entry.typeOnly && entry.spec.startsWith("@naerhed/core/")).map((entry) => ({ file, entry })))
      .filter(({ entry }) => entry.to === undefined || needsValibot(entry.to))
      .map(({ file, entry }) => `${rel(file)} → ${entry.spec}`);
    expect(heavy).toEqual([]);
  });

  it("carry no section markers left from merges", () => {
    const styles = readdirSync(join(root, "web/src"), { recursive: true, encoding: "utf8" })
      .filter((name) => /\.s?css$/.test(name))
      .map((name) => join(root, "web/src", name));
    const marked = [...files, ...styles].filter((file) => /^\s*(\/\/|\/\*|\{\/\*)\s*──/m.test(readFileSync(file, "utf8"))).map(rel);
    expect(marked).toEqual([]);
  });
});
