#!/usr/bin/env node
// Checks that action.yml and .pre-commit-hooks.yaml parse as YAML and have the keys their
// consumers require (GitHub's composite-action runner, pre-commit). Run by .ci/run and by
// tests/adopt/integrations.test.ts. Exit 1 with one line per problem.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const problems = [];

function load(name) {
  try {
    return parse(readFileSync(`${root}${name}`, 'utf8'), { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    problems.push(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return undefined;
  }
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value) => typeof value === 'string' && value.trim() !== '';

const action = load('action.yml');
if (action !== undefined) {
  const where = 'action.yml';
  if (!isObject(action)) problems.push(`${where}: expected a mapping`);
  else {
    for (const key of ['name', 'description']) if (!isText(action[key])) problems.push(`${where}: ${key}: required (a non-empty string)`);
    if (action.inputs !== undefined) {
      if (!isObject(action.inputs)) problems.push(`${where}: inputs: expected a mapping`);
      else for (const [id, input] of Object.entries(action.inputs)) if (!isObject(input) || !isText(input.description)) problems.push(`${where}: inputs.${id}.description: required`);
    }
    if (action.outputs !== undefined && isObject(action.outputs)) {
      // A composite action's outputs must say where their value comes from.
      for (const [id, output] of Object.entries(action.outputs)) if (!isObject(output) || !isText(output.value)) problems.push(`${where}: outputs.${id}.value: required in a composite action`);
    }
    const runs = action.runs;
    if (!isObject(runs)) problems.push(`${where}: runs: required (a mapping)`);
    else if (runs.using !== 'composite') problems.push(`${where}: runs.using: expected "composite", got ${JSON.stringify(runs.using)}`);
    else if (!Array.isArray(runs.steps) || runs.steps.length === 0) problems.push(`${where}: runs.steps: required (a non-empty list)`);
    else {
      runs.steps.forEach((step, index) => {
        const at = `${where}: runs.steps[${index}]`;
        if (!isObject(step)) return problems.push(`${at}: expected a mapping`);
        if (isText(step.run) === isText(step.uses)) problems.push(`${at}: expected exactly one of run and uses`);
        if (isText(step.run) && !isText(step.shell)) problems.push(`${at}.shell: required for a run step of a composite action`);
      });
      const uses = runs.steps.map((step) => (isObject(step) ? String(step.uses ?? '') : ''));
      if (!uses.some((value) => value.startsWith('github/codeql-action/upload-sarif@'))) problems.push(`${where}: no step uploads the SARIF report (github/codeql-action/upload-sarif)`);
      if (!runs.steps.some((step) => isObject(step) && /\banp lint\b/.test(String(step.run ?? '')))) problems.push(`${where}: no step runs anp lint`);
    }
  }
}

const hooks = load('.pre-commit-hooks.yaml');
if (hooks !== undefined) {
  const where = '.pre-commit-hooks.yaml';
  if (!Array.isArray(hooks) || hooks.length === 0) problems.push(`${where}: expected a non-empty list of hooks`);
  else {
    const languages = new Set(['node', 'system', 'script', 'docker', 'docker_image', 'python', 'golang', 'rust', 'ruby', 'fail', 'pygrep']);
    hooks.forEach((hook, index) => {
      const at = `${where}: [${index}]`;
      if (!isObject(hook)) return problems.push(`${at}: expected a mapping`);
      for (const key of ['id', 'name', 'entry', 'language']) if (!isText(hook[key])) problems.push(`${at}.${key}: required (a non-empty string)`);
      if (isText(hook.language) && !languages.has(hook.language)) problems.push(`${at}.language: unknown language ${JSON.stringify(hook.language)}`);
      if (hook.files !== undefined) {
        try {
          new RegExp(hook.files);
        } catch {
          problems.push(`${at}.files: not a regular expression`);
        }
      }
      if (isText(hook.entry) && !/^anp lint\b/.test(hook.entry)) problems.push(`${at}.entry: expected to run anp lint`);
    });
  }
}

if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`check-integrations: ${problem}\n`);
  process.exit(1);
}
process.stdout.write('check-integrations: action.yml and .pre-commit-hooks.yaml are valid\n');
