import type { Request } from 'express';
import { z } from 'zod';
import type { Language } from '../domain/messages';

/**
 * The language of what the API says about a request: Danish, the language of the people who use it,
 * unless the caller asks for English first (`Accept-Language: en`, developers' tooling). It covers
 * zod's own validation messages, through zod's Danish locale, and the product's own messages (a
 * refusal's reason, the timeline, a problem's title: `src/domain/messages`).
 */
export type ApiLanguage = Language;

export function requestLanguage(req: Pick<Request, 'acceptsLanguages'>): ApiLanguage {
  return req.acceptsLanguages('da', 'en') === 'en' ? 'en' : 'da';
}

const danish = z.locales.da().localeError;

/** Parse options that give zod's messages in the language; schema-specific messages win either way. */
export function parseOptions(language: ApiLanguage): { error?: typeof danish } {
  return language === 'da' ? { error: danish } : {};
}
