// Module boundaries (STYLE.md): a server module imports another module only through its
// index.ts; platform code never imports modules; web features import each other only through
// their index. A local rule keeps this exact and dependency-free.
import path from 'node:path';

const SERVER_MODULES = `${path.sep}apps${path.sep}server${path.sep}src${path.sep}modules${path.sep}`;
const SERVER_PLATFORM = `${path.sep}apps${path.sep}server${path.sep}src${path.sep}platform${path.sep}`;
const SERVER_SRC = `${path.sep}apps${path.sep}server${path.sep}src${path.sep}`;
const SERVER_TEST = `${path.sep}apps${path.sep}server${path.sep}test${path.sep}`;
const WEB_FEATURES = `${path.sep}apps${path.sep}web${path.sep}src${path.sep}features${path.sep}`;

function ownerOf(file, marker) {
  const i = file.indexOf(marker);
  if (i < 0) return null;
  const rest = file.slice(i + marker.length).split(path.sep);
  return { name: rest[0], inner: rest.slice(1).join('/') };
}

const rule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      deep: 'Import module "{{target}}" through its index.ts, not {{inner}}.',
      platform: 'Platform code must not depend on modules (found "{{target}}").',
      testTree:
        'Only *.test.ts files in src may import the test tree (found "{{target}}"); test fixtures live in apps/server/test.',
    },
  },
  create(context) {
    const file = context.filename;
    const check = (node) => {
      const src = node.source?.value;
      if (typeof src !== 'string' || !src.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), src);
      // Production code never depends on the test tree (factories, harness); only tests may.
      if (file.includes(SERVER_SRC) && target.includes(SERVER_TEST) && !file.endsWith('.test.ts')) {
        context.report({ node, messageId: 'testTree', data: { target: path.basename(target) } });
        return;
      }
      for (const marker of [SERVER_MODULES, WEB_FEATURES]) {
        const from = ownerOf(file, marker);
        const to = ownerOf(target, marker);
        if (!to) continue;
        if (from && from.name === to.name) continue;
        // The web shell composes lazy routes from feature pages and merges feature locales: the only
        // deep imports allowed, and only from outside the features.
        if (!from && marker === WEB_FEATURES && /^(pages|locales)\//.test(to.inner)) continue;
        if (file.includes(SERVER_PLATFORM) && marker === SERVER_MODULES && !file.endsWith('.test.ts')) {
          context.report({ node, messageId: 'platform', data: { target: to.name } });
          continue;
        }
        // Test factories live in apps/server/test/factories and use the same public API as any module.
        // A module's *.events.ts is its event catalogue, a public contract like its *.schema.ts.
        if (!/^index\.tsx?$/.test(to.inner) && !/\.(schema|events)\.ts$/.test(to.inner)) {
          context.report({ node, messageId: 'deep', data: { target: to.name, inner: to.inner } });
        }
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'module-boundaries': rule } };
