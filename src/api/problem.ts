import type { Response } from 'express';
import { type Language, render, renderTexts, type Text } from '../domain/messages';

/**
 * An RFC 9457 problem detail. Its title, detail and field messages are messages of the table
 * (`src/domain/messages/texts.ts`, keys `problem.*`) or text already in the caller's language (zod's),
 * rendered when the problem is sent: Danish unless the caller asks for English.
 */
export interface Problem {
  status: number;
  title: Text;
  detail?: Text;
  errors?: Array<{ field: string; message: Text }>;
}

export class HttpProblem extends Error {
  constructor(readonly problem: Problem) {
    // In English, for logs and tools; the caller reads it in their language (sendProblem).
    super(render(problem.detail ?? problem.title, 'en'));
  }
}

export function sendProblem(res: Response, problem: Problem, language: Language = 'da'): void {
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({ type: 'about:blank', ...renderTexts(problem, language) });
}
