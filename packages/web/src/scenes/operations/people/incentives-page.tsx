import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useCurrentSession } from '../../../hooks/use-current-session';
import { opsAccess } from '../access';
import { OpsHeader } from '../ops-header';
import { LedgerPanel, ManualPointsModal, RankingPanel, RulesPanel } from './points-panels';
import { SelectionPanel } from './selection-panel';
import { SuggestionsPanel } from './suggestions-panel';

const SECTIONS = ['ranking', 'ledger', 'rules', 'suggestions', 'selection'] as const;
type TSection = (typeof SECTIONS)[number];
/** Supervisors see their teams' points; rules, suggestions and the selection belong to the training group. */
const SUPERVISOR_SECTIONS: readonly TSection[] = ['ranking', 'ledger'];

/**
 * 积分与激励 at /operations/incentives[/:section]: the points ranking by period, the ledger with
 * filters, the rules, the review of innovation suggestions and the half-yearly excellent-trainee
 * selection. A supervisor sees the first two for their teams.
 */
export default function IncentivesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const access = opsAccess(useCurrentSession().roles);
  const { section = 'ranking' } = useParams();
  const [isAdding, setIsAdding] = useState(false);
  const visible = access.isTrainingGroup ? SECTIONS : SUPERVISOR_SECTIONS;
  if (!visible.includes(section as TSection)) return <Navigate to="/operations/incentives" replace />;
  const panel = (key: TSection) => {
    if (key === 'ranking') return <RankingPanel />;
    if (key === 'ledger') return <LedgerPanel />;
    if (key === 'rules') return <RulesPanel canEdit={access.isTrainingGroup} />;
    if (key === 'suggestions') return <SuggestionsPanel />;
    return <SelectionPanel canCompute={access.isTrainingGroup} isLeader={access.isLeader} />;
  };
  return (
    <div data-testid="incentives-page">
      <OpsHeader
        tab="incentives"
        extra={
          access.isTrainingGroup && (
            <Button icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid="points-manual-open">
              {t('people.points.manualTitle')}
            </Button>
          )
        }
      />
      <Tabs
        type="card"
        activeKey={section}
        onChange={(key) => navigate(key === 'ranking' ? '/operations/incentives' : `/operations/incentives/${key}`)}
        items={visible.map((key) => ({ key, label: <span data-testid={`incentives-tab-${key}`}>{t(`people.incentives.${key}`)}</span>, children: panel(key) }))}
        destroyOnHidden
      />
      <ManualPointsModal open={isAdding} onClose={() => setIsAdding(false)} />
    </div>
  );
}
