import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { GuidedExercise } from './guided-exercise';
import { GROUNDING_STEPS, PMR_STEPS } from './guided-steps';
import { PrivacyNote } from './privacy-note';

type TRelaxTab = 'pmr' | 'grounding';

/**
 * 放松练习 at /selfcare/relax: progressive muscle relaxation (tense about 5 s, release about 10 s,
 * hands to feet) and the 5-4-3-2-1 grounding exercise, each a timed guide. The open guide is in
 * the address (?guide=grounding).
 */
export default function RelaxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: TRelaxTab = params.get('guide') === 'grounding' ? 'grounding' : 'pmr';

  return (
    <div data-testid="selfcare-relax-page">
      <PageHeader title={t('selfcare.relax.title')} subtitle={t('selfcare.relax.subtitle')} />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ guide: key }, { replace: true })}
          destroyOnHidden
          items={[
            {
              key: 'pmr',
              label: <span data-testid="relax-tab-pmr">{t('selfcare.relax.pmr.name')}</span>,
              children: (
                <>
                  <Typography.Paragraph type="secondary" className="cd-prose">
                    {t('selfcare.relax.pmr.about')}
                  </Typography.Paragraph>
                  <GuidedExercise steps={PMR_STEPS} testId="pmr" />
                </>
              ),
            },
            {
              key: 'grounding',
              label: <span data-testid="relax-tab-grounding">{t('selfcare.relax.grounding.name')}</span>,
              children: (
                <>
                  <Typography.Paragraph type="secondary" className="cd-prose">
                    {t('selfcare.relax.grounding.about')}
                  </Typography.Paragraph>
                  <GuidedExercise steps={GROUNDING_STEPS} testId="grounding" />
                </>
              ),
            },
          ]}
        />
      </Card>
      <PrivacyNote variant="practice" />
    </div>
  );
}
