import assert from 'node:assert/strict';
import { test } from 'node:test';

import { InputError, readInputs } from './inputs.mjs';

const pullRequest = { eventName: 'pull_request', event: { pull_request: { base: { sha: 'abc123' } } } };
const push = { eventName: 'push', event: {} };
const from = (values) => (name) => values[name] ?? '';

test('defaults on a pull request: the new scope against the base sha, with the base policy', () => {
  assert.deepEqual(readInputs(from({}), pullRequest), {
    path: '.',
    scope: 'new',
    base: 'abc123',
    policy: 'base',
    failOn: 'error',
    select: null,
    ignore: null,
    sarifFile: '',
    baseline: '',
    fix: 'none',
    annotations: true,
    summary: true,
  });
});

test('pull_request_target also defaults to the new scope', () => {
  assert.equal(readInputs(from({}), { ...pullRequest, eventName: 'pull_request_target' }).scope, 'new');
});

test('defaults on a push: every file', () => {
  const inputs = readInputs(from({}), push);
  assert.equal(inputs.scope, 'all');
  assert.equal(inputs.base, '');
});

test('explicit values win over the event', () => {
  const inputs = readInputs(from({ scope: 'all', base: 'main', policy: 'head', 'fail-on': 'warning', annotations: 'false', summary: 'FALSE', path: 'repo', 'sarif-file': 'out.sarif' }), pullRequest);
  assert.deepEqual(inputs, { path: 'repo', scope: 'all', base: 'main', policy: 'head', failOn: 'warning', select: null, ignore: null, sarifFile: 'out.sarif', baseline: '', fix: 'none', annotations: false, summary: false });
});

test('select and ignore are lists split at commas and line breaks', () => {
  const inputs = readInputs(from({ select: 'Y, P001', ignore: 'P003,\norphan-dockerfile\n' }), push);
  assert.deepEqual(inputs.select, ['Y', 'P001']);
  assert.deepEqual(inputs.ignore, ['P003', 'orphan-dockerfile']);
  assert.deepEqual(readInputs(from({ ignore: ' , ' }), push).ignore, []);
});

test('a bad fail-on names the input, the value and the choices', () => {
  assert.throws(() => readInputs(from({ 'fail-on': 'sometimes' }), pullRequest), {
    name: 'InputError',
    message: 'input `fail-on` is `sometimes`; expected one of `error`, `warning`, `never`',
  });
});

test('a bad scope, policy or boolean is refused', () => {
  assert.throws(() => readInputs(from({ scope: 'some' }), pullRequest), InputError);
  assert.throws(() => readInputs(from({ policy: 'pr' }), pullRequest), /input `policy` is `pr`; expected one of `base`, `head`/);
  assert.throws(() => readInputs(from({ scope: 'new' }), push), /`scope: new` needs a commit to compare with/);
  assert.throws(() => readInputs(from({ annotations: 'yes' }), pullRequest), /input `annotations` is `yes`; expected `true` or `false`/);
});

test('fix is none or patch', () => {
  assert.equal(readInputs(from({ fix: 'patch' }), pullRequest).fix, 'patch');
  assert.throws(() => readInputs(from({ fix: 'apply' }), pullRequest), /input `fix` is `apply`; expected one of `none`, `patch`/);
});

test('changed scope without a base says how to fix it', () => {
  assert.throws(() => readInputs(from({ scope: 'changed' }), push), /set the `base` input, or use `scope: all`/);
});

test('a base that git would read as an option is refused', () => {
  assert.throws(() => readInputs(from({ base: '--output=/tmp/x' }), pullRequest), /expected a branch, tag or commit sha/);
});

test('a base sha that is not a string in the event is a clear input error', () => {
  // Found hardening: `base.startsWith is not a function`.
  for (const [sha, found] of [[42, 'the number 42'], [{ x: 1 }, 'an object'], [['a'], 'a list'], [true, 'the boolean true']]) {
    const event = { eventName: 'pull_request', event: { pull_request: { base: { sha } } } };
    assert.throws(
      () => readInputs(from({}), /** @type {any} */ (event)),
      (error) => error instanceof InputError && error.message === `the event's \`pull_request.base.sha\` is ${found}, not a commit sha: set the \`base\` input`,
    );
  }
  const unset = { eventName: 'pull_request', event: { pull_request: { base: { sha: null } } } };
  assert.throws(() => readInputs(from({}), /** @type {any} */ (unset)), /needs a commit to compare with/);
  assert.equal(readInputs(from({ base: 'main' }), /** @type {any} */ ({ eventName: 'pull_request', event: { pull_request: { base: { sha: 7 } } } })).base, 'main');
});
