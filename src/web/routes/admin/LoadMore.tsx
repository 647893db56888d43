import { Button, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The "load more" button under a paged list (the API pages with opaque cursors, not page numbers). */
export function LoadMore({ query }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Center>
      <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} disabled={query.isFetchingNextPage}>
        {t('actions.loadMore')}
      </Button>
    </Center>
  );
}
