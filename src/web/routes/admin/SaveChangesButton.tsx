import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The submit button of an edit form: usable once something changed, busy while the save is under way. */
export function SaveChangesButton({ pending, dirty }: { pending: boolean; dirty: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button type="submit" loading={pending} disabled={pending || !dirty}>
        {t('common:actions.save')}
      </Button>
    </Group>
  );
}
