// The ESLint rule made from lint/layers.js: every relative import (static, re-export or
// dynamic) is resolved to a repository path and checked against the table.
import { dirname, join, relative, sep } from 'node:path';
import { forbiddenImport } from './layers.js';

const EXTENSIONS = /\.(ts|tsx|js|mjs|json)$/;

/** The repository path an import specifier names, with a `.ts` extension when it has none. */
function targetOf(cwd, filename, specifier) {
  const absolute = join(dirname(filename), specifier);
  const path = relative(cwd, absolute).split(sep).join('/');
  return EXTENSIONS.test(path) ? path : `${path}.ts`;
}

/** Whether an import declaration brings in types only (erased at build time). */
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return (
    specifiers.length > 0 &&
    specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type')
  );
}

export const layerRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layer table of lint/layers.js.' },
    schema: [],
  },
  create(context) {
    const cwd = context.cwd;
    const from = relative(cwd, context.filename).split(sep).join('/');
    const check = (node, source, typeOnly) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const why = forbiddenImport(from, targetOf(cwd, context.filename, source.value), typeOnly);
      if (why) context.report({ node: source, message: why });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, true),
    };
  },
};

export const layersPlugin = { rules: { imports: layerRule } };
