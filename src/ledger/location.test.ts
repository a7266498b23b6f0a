/** Where the ledger lives: `--ledger`, then `$FOOTPRINT_HOME/ledger.db`, then `~/.footprint/ledger.db`. */
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { defaultLedgerPath, resolveLedgerLocation } from './location.js';

test('FOOTPRINT_HOME holds the ledger when set', () => {
  assert.equal(
    defaultLedgerPath({ FOOTPRINT_HOME: '/srv/fp', HOME: '/home/ada' }),
    join('/srv/fp', 'ledger.db'),
  );
  assert.equal(defaultLedgerPath({ FOOTPRINT_HOME: 'rel/fp' }), join(resolve('rel/fp'), 'ledger.db'));
});

test('otherwise ~/.footprint/ledger.db', () => {
  assert.equal(defaultLedgerPath({ HOME: '/home/ada' }), join('/home/ada', '.footprint', 'ledger.db'));
  assert.equal(
    defaultLedgerPath({ FOOTPRINT_HOME: '  ', HOME: '/home/ada' }),
    join('/home/ada', '.footprint', 'ledger.db'),
  );
});

test('--ledger takes a path (relative to cwd) or a postgres URL', () => {
  const env = { HOME: '/home/ada' };
  assert.deepEqual(resolveLedgerLocation(undefined, env, '/w'), {
    kind: 'sqlite',
    path: join('/home/ada', '.footprint', 'ledger.db'),
  });
  assert.deepEqual(resolveLedgerLocation('runs.db', env, '/w'), {
    kind: 'sqlite',
    path: resolve('/w', 'runs.db'),
  });
  assert.deepEqual(resolveLedgerLocation('postgres://fp@db/footprint', env, '/w'), {
    kind: 'postgres',
    url: 'postgres://fp@db/footprint',
  });
  assert.deepEqual(resolveLedgerLocation('postgresql://db/fp', env, '/w'), {
    kind: 'postgres',
    url: 'postgresql://db/fp',
  });
});
