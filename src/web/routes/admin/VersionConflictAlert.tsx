import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { READABLE_TITLE } from './alert-styles';

interface Props {
  title: string;
  body: string;
  reloadLabel: string;
  onReload: () => Promise<void>;
  reloading: boolean;
}

/** Someone else saved the record meanwhile: says so and offers to reload their version under these edits. */
export function VersionConflictAlert({ title, body, reloadLabel, onReload, reloading }: Props) {
  return (
    <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert" title={title} styles={READABLE_TITLE}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{body}</Text>
        <Button variant="default" size="sm" onClick={() => void onReload()} loading={reloading}>
          {reloadLabel}
        </Button>
      </Stack>
    </Alert>
  );
}
