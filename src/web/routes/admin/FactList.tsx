import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';
import { useWideLayout } from './use-wide-layout';

/**
 * Label–value pairs: side by side on wide screens, stacked on phones. Stacked values stretch to the full
 * width, so they align with their label at the reading start in Arabic too (Mantine aligns items by
 * baseline, which in a column leaves a Latin value on the left).
 */
export function FactList({ rows, labelWidth = 200 }: { rows: { label: string; value: ReactNode }[]; labelWidth?: number }) {
  const wide = useWideLayout();
  return (
    <DataList orientation={wide ? 'horizontal' : 'vertical'} labelWidth={labelWidth} withDivider styles={wide ? undefined : { item: { alignItems: 'stretch' } }}>
      {rows.map((row) => (
        <DataList.Item key={row.label}>
          <DataList.ItemLabel>{row.label}</DataList.ItemLabel>
          <DataList.ItemValue>{row.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
