import { notifications, type NotificationData } from '@mantine/notifications';
import i18next from 'i18next';

/**
 * Shows a notification whose close button has an accessible name in the current language (Mantine's has
 * none, which screen readers announce as an unlabelled button). Use this, not notifications.show.
 */
export function notify(data: NotificationData): void {
  notifications.show({ ...data, closeButtonProps: { 'aria-label': i18next.t('common:actions.close'), ...data.closeButtonProps } });
}
