import express, { type Request } from 'express';
import { z } from 'zod';
import { parse } from '../../src/api/app';
import { requestLanguage } from '../../src/api/language';
import { HttpProblem } from '../../src/api/problem';
import { courseEvents } from '../../src/domain';

function request(acceptLanguage?: string): Request {
  const req = Object.create(express.request) as Request;
  (req as { headers: Record<string, string> }).headers = acceptLanguage
    ? { 'accept-language': acceptLanguage }
    : {};
  return req;
}

function problemOf(run: () => unknown): HttpProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error('no problem');
}

describe('the language of the API’s validation messages', () => {
  test('Danish by default; English only when the caller asks for it first', () => {
    expect(requestLanguage(request())).toBe('da');
    expect(requestLanguage(request('da-DK,da;q=0.9,en;q=0.5'))).toBe('da');
    expect(requestLanguage(request('nb, de;q=0.8'))).toBe('da');
    expect(requestLanguage(request('en-GB,en;q=0.9'))).toBe('en');
    expect(requestLanguage(request('en;q=0.5, da;q=0.9'))).toBe('da');
  });

  test('zod’s own messages in Danish through its locale, in English for Accept-Language: en', () => {
    const body = { decision: 'maybe', reasoning: 7, extra: true };
    const danish = problemOf(() => parse(courseEvents.municipalDecision, body, 'body', 'da'));
    expect(danish.problem.status).toBe(400);
    expect(danish.problem.errors).toEqual([
      { field: 'decision', message: expect.stringMatching(/^Ugyldig/) },
      { field: 'reasoning', message: 'Ugyldigt input: forventede streng, fik tal' },
      { field: 'extra', message: 'Ukendt nøgle: "extra"' },
    ]);
    const english = problemOf(() => parse(courseEvents.municipalDecision, body, 'body', 'en'));
    expect(english.problem.errors).toEqual([
      { field: 'decision', message: expect.stringMatching(/^Invalid option/) },
      { field: 'reasoning', message: 'Invalid input: expected string, received number' },
      { field: 'extra', message: 'Unrecognized key: "extra"' },
    ]);
  });

  test('the product’s own rule for a field is not a zod message: it stays as written', () => {
    const problem = problemOf(() =>
      parse(z.object({ code: z.string().regex(/^\d{3}$/, 'three digits') }), { code: 'x' }, 'body', 'da'),
    );
    expect(problem.problem.errors).toEqual([{ field: 'code', message: 'three digits' }]);
  });
});
