import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A {zh, en} text as two fields side by side (中文 first: the reference language).
 * @param props.name the form field holding {zh, en}
 * @param props.label the field's name
 * @param props.isRequired both languages required (the server refuses empty ones)
 * @param props.rows a textarea of this many rows instead of a one-line input
 * @param props.maxLength the longest text allowed
 * @param props.testId prefix: `${testId}-zh` and `${testId}-en`
 */
export function BilingualFields({ name, label, isRequired = true, rows, maxLength, testId }: { name: string | (string | number)[]; label: string; isRequired?: boolean; rows?: number; maxLength?: number; testId: string }) {
  const { t } = useTranslation();
  const base = Array.isArray(name) ? name : [name];
  const rules = isRequired ? [{ required: true, whitespace: true, message: t('validation.required') }] : [];
  const field = (lang: 'zh' | 'en') =>
    rows ? (
      <Input.TextArea autoSize={{ minRows: rows, maxRows: rows + 4 }} maxLength={maxLength} data-testid={`${testId}-${lang}`} />
    ) : (
      <Input maxLength={maxLength} data-testid={`${testId}-${lang}`} />
    );
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item name={[...base, 'zh']} label={t('teach.common.inLanguage', { label, language: t('teach.common.zh') })} rules={rules}>
          {field('zh')}
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={[...base, 'en']} label={t('teach.common.inLanguage', { label, language: t('teach.common.en') })} rules={rules}>
          {field('en')}
        </Form.Item>
      </Col>
    </Row>
  );
}
