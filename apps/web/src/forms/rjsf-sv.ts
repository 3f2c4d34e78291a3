import { englishStringTranslator, TranslatableString, type RJSFValidationError } from '@rjsf/utils';
import { t, type MessageKey } from '../i18n/t';

const STRINGS: Partial<Record<TranslatableString, MessageKey>> = {
  [TranslatableString.ArrayItemTitle]: 'rjsf.item',
  [TranslatableString.MissingItems]: 'rjsf.missingItems',
  [TranslatableString.EmptyArray]: 'rjsf.emptyArray',
  [TranslatableString.YesLabel]: 'common.yes',
  [TranslatableString.NoLabel]: 'common.no',
  [TranslatableString.CloseLabel]: 'common.close',
  [TranslatableString.ErrorsLabel]: 'rjsf.errors',
  [TranslatableString.NewStringDefault]: 'rjsf.newValue',
  [TranslatableString.AddButton]: 'rjsf.add',
  [TranslatableString.AddItemButton]: 'rjsf.addItem',
  [TranslatableString.CopyButton]: 'rjsf.copy',
  [TranslatableString.ExpandButton]: 'rjsf.expand',
  [TranslatableString.MoveDownButton]: 'rjsf.moveDown',
  [TranslatableString.MoveUpButton]: 'rjsf.moveUp',
  [TranslatableString.RemoveButton]: 'rjsf.remove',
  [TranslatableString.NowLabel]: 'rjsf.now',
  [TranslatableString.ClearLabel]: 'rjsf.clear',
  [TranslatableString.AriaDateLabel]: 'rjsf.selectDate',
  [TranslatableString.PreviewLabel]: 'rjsf.preview',
  [TranslatableString.DecrementAriaLabel]: 'rjsf.decrement',
  [TranslatableString.IncrementAriaLabel]: 'rjsf.increment',
  [TranslatableString.OptionalObjectAdd]: 'rjsf.optionalAdd',
  [TranslatableString.OptionalObjectRemove]: 'rjsf.optionalRemove',
  [TranslatableString.OptionalObjectEmptyMsg]: 'rjsf.optionalEmpty',
  [TranslatableString.Type]: 'rjsf.type',
  [TranslatableString.Value]: 'rjsf.value',
  [TranslatableString.ClearButton]: 'rjsf.clear',
  [TranslatableString.UnsupportedField]: 'rjsf.unsupported',
};

/** RJSF's own labels (buttons, error list heading) in Swedish. */
export function translateString(key: TranslatableString, params?: string[]): string {
  if (key === TranslatableString.OptionPrefix) return t('rjsf.option', { n: params?.[0] ?? '' });
  const messageKey = STRINGS[key];
  return messageKey ? t(messageKey) : englishStringTranslator(key, params);
}

function messageFor(error: RJSFValidationError): string {
  const limit = error.params?.limit ?? error.params?.missingProperty ?? '';
  switch (error.name) {
    case 'required':
      return t('validation.required');
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minItems':
    case 'maxItems':
      return t(`validation.${error.name}`, { limit });
    case 'type':
      if (error.params?.type === 'number') return t('validation.typeNumber');
      if (error.params?.type === 'integer') return t('validation.typeInteger');
      return t('validation.type');
    case 'format':
      if (error.params?.format === 'email') return t('validation.formatEmail');
      if (error.params?.format === 'date') return t('validation.formatDate');
      return t('validation.format');
    case 'pattern':
      return t('validation.pattern');
    case 'enum':
      return t('validation.enum');
    case 'const':
      return t('validation.const');
    case 'uniqueItems':
      return t('validation.uniqueItems');
    default:
      return error.message ?? '';
  }
}

/** ajv's English messages → Swedish, with the field's title in the error list. */
export function transformErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors.map((error) => {
    const message = messageFor(error);
    const field = error.title || error.params?.missingProperty || error.property?.replace(/^\./, '') || '';
    return {
      ...error,
      message,
      stack: field ? t('validation.fieldMessage', { field, message }) : message,
    };
  });
}
