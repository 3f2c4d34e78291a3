import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n/t';

interface State {
  failed: boolean;
}

/** Catches render errors and failed lazy chunk loads (e.g. after a deploy): offers a reload. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('error.unknown')}</p>
        <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
}
