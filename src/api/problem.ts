import type { Response } from 'express';

/** An RFC 9457 problem detail. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

export class HttpProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export function sendProblem(res: Response, problem: Problem): void {
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({ type: 'about:blank', ...problem });
}
