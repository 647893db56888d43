import { AppError } from '../../errors/app-error.ts';
import { isIatiCode } from '../../standards/iati-codelists.ts';

/** Checks an IATI OrganisationType code against the official codelist. */
export function assertIatiOrganisationType(code: string | undefined): void {
  if (code !== undefined && !isIatiCode('OrganisationType', code)) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'iatiType', message: `${code} is not an IATI OrganisationType code` }],
    });
  }
}
