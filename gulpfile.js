// Copies what tsc does not: node icons and codex files, next to the compiled nodes and credentials.
const { src, dest, parallel } = require('gulp');

function icons() {
  return src(['nodes/**/*.svg', 'nodes/**/*.png', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(dest('dist'));
}

function codex() {
  return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports.build = parallel(icons, codex);
exports.default = exports.build;
