import { LockOutlined } from '@ant-design/icons';
import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyRecords } from '../../../api/people';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { MyHeader } from '../ops-header';
import { RecordsTable } from './records-table';

/** 我的记录 at /my/records: the caller's own warnings, deductions, re-training and discipline, and who else can see them. */
export default function MyRecordsPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const records = useMyRecords();
  return (
    <div data-testid="my-records-page">
      <MyHeader tab="records" />
      <Alert type="info" showIcon icon={<LockOutlined />} title={t('people.myRecords.privacy')} style={{ marginBottom: 16 }} />
      {records.isError && <Alert type="error" showIcon title={errorMessage(records.error)} style={{ marginBottom: 16 }} />}
      <Card variant="borderless">
        <RecordsTable records={records.data ?? []} isLoading={records.isPending} showPerson={false} emptyText={t('people.myRecords.empty')} />
      </Card>
    </div>
  );
}
