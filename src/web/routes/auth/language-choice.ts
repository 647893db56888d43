import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call } from '../../api/client';
import { ME_KEY, type Me } from '../../api/me';
import { isLanguage, type LanguageCode } from '../../i18n/languages';

/**
 * The language a visitor picked with the language buttons before their account could remember it (on the
 * login page, or on the pages a new password or the second-factor set-up keep them on). Kept for this visit
 * only — this tab, surviving a reload (sessionStorage) — and without such a choice the account's own
 * language applies after sign-in.
 */
const STORAGE_KEY = 'sanad.languageChoice';
let chosenInMemory: LanguageCode | null = null;

function readChoice(): LanguageCode | null {
  try {
    const stored = window.sessionStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return chosenInMemory; // Storage disabled (private browsing): this page's memory only.
  }
}

function writeChoice(language: LanguageCode | null): void {
  chosenInMemory = language;
  try {
    if (language) window.sessionStorage.setItem(STORAGE_KEY, language);
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Kept in memory only.
  }
}

/** Whether a language was chosen during this visit and not yet saved on the account. */
export function hasPendingLanguageChoice(): boolean {
  return readChoice() !== null;
}

/** Codes of a session that may not save its profile yet: the choice waits for the forced step to end. */
const NOT_YET = new Set(['PASSWORD_CHANGE_REQUIRED', 'TOTP_ENROLMENT_REQUIRED']);

/** Notes every language change made while the calling page is shown. */
export function useRememberLanguageChoice(): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    const onChange = (language: string) => {
      if (isLanguage(language)) writeChoice(language);
    };
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n]);
}

/**
 * Saves the language chosen during this visit on the account (PATCH /me), so the session gate keeps it
 * instead of switching to the account's former language. Never fails: the language is a convenience, and
 * sign-in must go on without it.
 */
export async function saveLanguageChoice(client: QueryClient, me: Me): Promise<void> {
  const locale = readChoice();
  if (!locale) return;
  if (locale === me.locale) return writeChoice(null);
  if (me.mustChangePassword || me.mustEnrolTotp) return;
  try {
    const updated = await call(api.PATCH('/api/v1/me', { body: { locale } }));
    client.setQueryData<Me>(ME_KEY, updated);
    writeChoice(null);
  } catch (error) {
    if (!(error instanceof ApiError && NOT_YET.has(error.code))) writeChoice(null);
  }
}
