import { describe, expect, it } from 'vitest';
import { anObject, aPage, arrayOf, badAnswer, CREATED, objectWith, orNothing, readAnswer } from '../../src/api/answers.js';
import { BadAnswerError, ExitCode } from '../../src/errors.js';

describe('API answers', () => {
  it('says what an answer lacks, in a short line', () => {
    expect(CREATED({ uuid: 'u' })).toBeUndefined();
    expect(CREATED({})).toBe('without "uuid": {}');
    expect(CREATED({ uuid: '' })).toBe('without "uuid": {"uuid":""}');
    expect(objectWith('uuid', 'state')({ uuid: 'u' })).toBe('without "state": {"uuid":"u"}');
    expect(anObject(null)).toBe('expected a JSON object, got null');
    expect(anObject([1])).toBe('expected a JSON object, got [1]');
    expect(arrayOf(anObject)([{}, 2])).toBe('item 1: expected a JSON object, got 2');
    expect(orNothing(anObject)(null)).toBeUndefined();
    expect(CREATED({ x: 'y'.repeat(500) })!.length).toBeLessThan(120);
  });

  it('checks a page envelope', () => {
    expect(aPage({ data: [], nextToken: null })).toBeUndefined();
    expect(aPage({ data: 'x' })).toMatch(/^"data" is not an array/);
    expect(aPage({ data: [], nextToken: 3 })).toMatch(/^"nextToken" is not a string/);
  });

  it('reads a body that is not JSON by its title', () => {
    expect(readAnswer('<html><title>502 Bad Gateway</title><body>…</body></html>', anObject).wrong).toBe('not JSON: "502 Bad Gateway"');
    expect(readAnswer('', anObject).wrong).toBe('expected a JSON object, got an empty body');
    expect(readAnswer('{"uuid":"u"}', CREATED)).toEqual({ body: { uuid: 'u' }, wrong: undefined });
  });

  it('is exit 1, and a create says how to check what it may have made', () => {
    const error = badAnswer({ method: 'POST', path: '/pools', retry: 'create' }, 'without "uuid": {}');
    expect(error).toBeInstanceOf(BadAnswerError);
    expect(error.exitCode).toBe(ExitCode.Failure);
    expect(error.message).toBe('bad answer from the API to POST /pools: without "uuid": {}; it may have been created: check with "qarnot pool list"');
  });
});
