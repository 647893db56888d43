import { Box, Button, Checkbox, Group, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { CopyTextButton } from './CopyTextButton';
import { LeaveWarning } from './LeaveWarning';
import classes from './recovery-codes.module.css';

const PRINTING_CLASS = 'sanad-printing-codes';

/**
 * Prints the codes alone: while `printing`, a sheet with them is rendered outside the app (a portal, in
 * the same commit, so it is there when print() runs) and the body class hides the app from the printout
 * (see recovery-codes.module.css). Both go away once the print dialog closes.
 */
function usePrintSheet(printing: boolean, onPrinted: () => void) {
  useEffect(() => {
    if (!printing) return;
    const finish = () => {
      document.body.classList.remove(PRINTING_CLASS);
      onPrinted();
    };
    document.body.classList.add(PRINTING_CLASS);
    window.addEventListener('afterprint', finish, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', finish);
  }, [printing, onPrinted]);
}

function CodeList({ codes, label }: { codes: string[]; label: string }) {
  return (
    <Box component="ol" className={classes.codes} aria-label={label}>
      {codes.map((code) => (
        <li key={code} className={classes.code}>
          {code}
        </li>
      ))}
    </Box>
  );
}

/**
 * The ten recovery codes, shown once: copy, print, and an explicit "I have saved them" before the user may
 * go on. Leaving earlier asks for confirmation.
 */
export function RecoveryCodes({
  codes,
  headingOrder,
  doneLabel,
  onDone,
}: {
  codes: string[];
  headingOrder: TitleOrder;
  doneLabel: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('auth');
  const [saved, setSaved] = useState(false);
  const [finished, setFinished] = useState(false);
  const [printing, setPrinting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const printed = useCallback(() => setPrinting(false), []);
  usePrintSheet(printing, printed);

  // The codes replace the step the user was on: bring the reader (and screen reader) to them.
  useEffect(() => heading.current?.focus(), []);

  return (
    <Stack gap="md">
      <LeaveWarning active={!saved && !finished} />
      <Stack gap="sm">
        <Title order={headingOrder} size="h4" ref={heading} tabIndex={-1}>
          {t('recoveryCodes.title')}
        </Title>
        <Text>{t('recoveryCodes.explanation')}</Text>
        <Text fw={600}>{t('recoveryCodes.onlyOnce')}</Text>
        <CodeList codes={codes} label={t('recoveryCodes.listLabel')} />
      </Stack>
      {printing &&
        createPortal(
          <div className={classes.printSheet}>
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('recoveryCodes.printTitle')}
              </Title>
              <Text>{t('recoveryCodes.explanation')}</Text>
              <CodeList codes={codes} label={t('recoveryCodes.listLabel')} />
            </Stack>
          </div>,
          document.body,
        )}
      <Group gap="sm" align="flex-start">
        <CopyTextButton value={codes.join('\n')} label={t('recoveryCodes.copy')} />
        <Button variant="default" size="sm" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => (printing ? window.print() : setPrinting(true))}>
          {t('common:actions.print')}
        </Button>
      </Group>
      <Checkbox checked={saved} onChange={(event) => setSaved(event.currentTarget.checked)} label={t('recoveryCodes.confirmSaved')} />
      <Button

        disabled={!saved}
        onClick={() => {
          setFinished(true);
          onDone();
        }}
        w={{ base: '100%', xs: 'fit-content' }}
      >
        {doneLabel}
      </Button>
    </Stack>
  );
}
