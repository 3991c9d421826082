import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router-dom';

/**
 * Warns before unsaved changes are lost: a confirm dialog when leaving inside the app (a tab,
 * a link, the back button), the browser's own prompt when closing or reloading the page.
 * @param isDirty whether there are unsaved changes
 * @returns `allowNextNavigation()`: call it right before navigating on purpose after a save
 */
export function useLeaveGuard(isDirty: boolean): () => void {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const isAllowedRef = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (isAllowedRef.current) {
      isAllowedRef.current = false;
      return false;
    }
    return isDirty && currentLocation.pathname !== nextLocation.pathname;
  });

  const blockerRef = useRef(blocker);
  blockerRef.current = blocker;
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void modal.confirm({
      title: t('teach.common.leaveTitle'),
      content: t('teach.common.leaveBody'),
      okText: t('teach.common.leave'),
      okButtonProps: { danger: true, 'data-testid': 'teach-leave-confirm' } as never,
      cancelText: t('teach.common.stay'),
      onOk: () => blockerRef.current.proceed?.(),
      onCancel: () => blockerRef.current.reset?.(),
    });
    // One dialog per blocked navigation: open it when the blocker enters 'blocked', not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [blocker.state]);

  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  return useCallback(() => {
    isAllowedRef.current = true;
  }, []);
}
