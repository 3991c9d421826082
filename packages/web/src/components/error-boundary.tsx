import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function CrashResult() {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('errors.crashTitle')}
      subTitle={t('errors.crashBody')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      }
    />
  );
}

interface TProps {
  children: ReactNode;
  /** When this changes (e.g. the path), a crashed page gets another chance. */
  resetKey?: string;
}

/** Catches render errors of a page so the shell and menu stay usable. */
export class ErrorBoundary extends Component<TProps, { hasError: boolean; resetKey: string | undefined }> {
  override state = { hasError: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): { hasError: boolean } {
    return { hasError: true };
  }

  static getDerivedStateFromProps(props: TProps, state: { hasError: boolean; resetKey: string | undefined }) {
    if (props.resetKey !== state.resetKey) return { hasError: false, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('web: page crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.hasError ? <CrashResult /> : this.props.children;
  }
}
