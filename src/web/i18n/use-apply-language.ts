import { useDirection } from '@mantine/core';
import { useCallback } from 'react';
import { applyLanguage } from './index';
import { languageInfo, type LanguageCode } from './languages';

/**
 * Switches the app to a language: its files load first, then the text, `<html lang dir>` and Mantine's
 * direction change together, so nothing shows half in one language or in the wrong direction.
 */
export function useApplyLanguage(): (code: LanguageCode) => Promise<void> {
  const { setDirection } = useDirection();
  return useCallback(
    async (code: LanguageCode) => {
      await applyLanguage(code);
      setDirection(languageInfo(code).dir);
    },
    [setDirection],
  );
}
