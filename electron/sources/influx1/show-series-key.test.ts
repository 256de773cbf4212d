import { describe, expect, it } from 'vitest';
import { parseListedSeriesKey } from './show-series-key';

describe('parseListedSeriesKey (SHOW SERIES keys as 1.x writes them)', () => {
  it.each([
    ['cpu', { measurement: 'cpu', tags: {} }],
    ['cpu,host=a,region=eu', { measurement: 'cpu', tags: { host: 'a', region: 'eu' } }],
    ['my\\ cpu\\,x,ho\\=st=a\\ b\\,c\\=d', { measurement: 'my cpu,x', tags: { 'ho=st': 'a b,c=d' } }],
    // 1.x writes "=" in a measurement and backslashes anywhere as they are.
    ['m=x,k=a\\b', { measurement: 'm=x', tags: { k: 'a\\b' } }],
    // A backslash before an escaped separator in a tag: the server's own reading.
    ['m,k=a\\\\,b', { measurement: 'm', tags: { k: 'a\\,b' } }],
    ['温度,场=一 号', { measurement: '温度', tags: { 场: '一 号' } }],
    ['m,k="q",\'s\'=#', { measurement: 'm', tags: { k: '"q"', "'s'": '#' } }],
  ])('%j', (key, expected) => {
    expect(parseListedSeriesKey(key)).toEqual(expected);
  });

  it.each(['', ',k=v', 'm,k', 'm,k=', 'm,=v', 'm,k=v=w'])('refuses %j', (key) => {
    expect(parseListedSeriesKey(key)).toBeUndefined();
  });
});
