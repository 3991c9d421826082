import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Brand } from '../../components/brand';
import { LanguageSwitch } from '../../components/language-switch';
import { BreathingPacer } from './breathing-pacer';
import { isBreathingPatternId, type TBreathingPatternId } from './breathing-patterns';
import { PatternPicker } from './pattern-picker';

/**
 * 呼吸一下 at /breathe: the pacer on its own, for anyone, without signing in and without the
 * network. It calls no API; once the app has been opened, the service worker keeps the app shell
 * and this page's code, so it opens offline (the PWA's "breathe" shortcut points here).
 */
export default function PublicBreathePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('pattern');
  const pattern: TBreathingPatternId = isBreathingPatternId(requested) ? requested : 'desk';

  return (
    <div className="cd-breathe-public" data-testid="public-breathe-page">
      <header className="cd-breathe-public__top">
        <Brand size={28} />
        <LanguageSwitch />
      </header>
      <main className="cd-breathe-public__main">
        <Flex vertical gap={16}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('selfcare.publicBreathe.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {t('selfcare.publicBreathe.subtitle')}
            </Typography.Paragraph>
          </div>
          <Card variant="borderless">
            <Flex vertical gap={16}>
              <PatternPicker value={pattern} onChange={(value) => setParams({ pattern: value }, { replace: true })} />
              <BreathingPacer key={pattern} pattern={pattern} />
            </Flex>
          </Card>
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} data-testid="public-breathe-offline-note">
            {t('selfcare.publicBreathe.offlineNote')}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ margin: 0 }}>
            <Link to="/selfcare" data-testid="public-breathe-more">
              {t('selfcare.publicBreathe.more')}
            </Link>
          </Typography.Paragraph>
        </Flex>
      </main>
    </div>
  );
}
