import { Portal } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Content that exists only on paper: hidden on screen, and when printing the only thing visible (the page
 * and any open modal are hidden). Rendered at the end of <body> so no transformed ancestor can clip it.
 */
export function PrintSheet({ children }: { children: ReactNode }) {
  return (
    <Portal>
      <style>{`
        .sanad-print-sheet { display: none; }
        @media print {
          body * { visibility: hidden !important; }
          .sanad-print-sheet, .sanad-print-sheet * { visibility: visible !important; }
          .sanad-print-sheet { display: block; position: absolute; inset: 0; padding: 2rem; background: #fff; color: #000; }
        }
      `}</style>
      <div className="sanad-print-sheet">{children}</div>
    </Portal>
  );
}
