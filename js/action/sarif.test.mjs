import assert from 'node:assert/strict';
import { test } from 'node:test';

import { rebaseSarif } from './sarif.mjs';

const sarif = JSON.stringify({
  version: '2.1.0',
  runs: [{
    tool: { driver: { name: 'stacklint', rules: [{ id: 'Y002', helpUri: 'https://example.com/Y002' }] } },
    results: [{
      ruleId: 'Y002',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'AI/a%20b/meta.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3 } } }],
      relatedLocations: [{ physicalLocation: { artifactLocation: { uri: 'AI/x/meta.yml', uriBaseId: '%SRCROOT%' } } }],
    }],
  }],
});

test('no prefix: the text is unchanged', () => {
  assert.equal(rebaseSarif(sarif, ''), sarif);
});

test('every relative artifact URI moves under the prefix, encoded; other URIs stay', () => {
  const rebased = JSON.parse(rebaseSarif(sarif, 'my images'));
  const result = rebased.runs[0].results[0];
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'my%20images/AI/a%20b/meta.yml');
  assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, 'my%20images/AI/x/meta.yml');
  assert.equal(rebased.runs[0].tool.driver.rules[0].helpUri, 'https://example.com/Y002');
  assert.equal(result.locations[0].physicalLocation.region.startLine, 3);
});
