import type { FormErrors } from '@mantine/form';

/**
 * For `form.onSubmit(submit, focusFirstError(form))`: when the browser-side checks fail, move the focus to
 * the first field in error, so keyboard and screen-reader users land on what to fix.
 */
export function focusFirstError(form: { getInputNode: (path: never) => HTMLElement | null }) {
  return (errors: FormErrors) => {
    const first = Object.keys(errors)[0];
    if (first) (form.getInputNode as (path: string) => HTMLElement | null)(first)?.focus();
  };
}
