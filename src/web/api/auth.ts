import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { ME_KEY, type Me } from './me';

export interface LoginInput {
  email: string;
  password: string;
  /** The 6-digit code of the authenticator app (second step). */
  totp?: string;
  /** A one-time recovery code, instead of `totp` (lost phone). */
  recoveryCode?: string;
}

/**
 * Signs in; answers the signed-in user (without the CSRF token, which lives in its cookie). The caller
 * puts it into the ['me'] query itself, after noting that this page did the signing in: the login page
 * must not mistake the fresh user for a visitor who was already signed in.
 */
export function useLogin() {
  return useMutation({
    mutationFn: async (input: LoginInput): Promise<Me> => {
      const { csrfToken: _csrfToken, ...me } = await call(api.POST('/api/v1/auth/login', { body: input }));
      return me;
    },
  });
}

/** Changes the signed-in user's password (the server ends their other sessions). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => call(api.POST('/api/v1/auth/password', { body: input })),
  });
}

/** Makes a new pending authenticator secret and its QR code (replaces a pending one). */
export function useStartTotpEnrolment() {
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/me/totp/enrolment')),
  });
}

/**
 * Turns the second factor on with the app's first code; answers the recovery codes, shown once.
 * ['me'] is refreshed by the caller once the user has saved the codes: refreshing it earlier would
 * send a user the organisation forced through set-up onwards before they saw the codes.
 */
export function useConfirmTotp() {
  return useMutation({
    mutationFn: (code: string) => call(api.POST('/api/v1/me/totp', { body: { code } })),
  });
}

export function useDisableTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (currentPassword: string) => call(api.POST('/api/v1/me/totp/disable', { body: { currentPassword } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}

/** Replaces all recovery codes with ten new ones (the remaining count in ['me'] changes). */
export function useRegenerateRecoveryCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (currentPassword: string) => call(api.POST('/api/v1/me/totp/recovery-codes', { body: { currentPassword } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}
