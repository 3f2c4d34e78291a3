import type { ErrorListProps } from '@rjsf/utils';
import { t } from '../i18n/t';
import type { JsonObject } from './json';
import { fieldTitle, propertyPath } from './schema-title';

/**
 * The error list above the form: Swedish heading, "Field: message" for ajv and server errors
 * alike, each a link that moves focus to its field.
 */
export function ErrorListTemplate({ errors, registry }: ErrorListProps) {
  const idPrefix = registry.globalFormOptions.idPrefix || 'root';
  const separator = registry.globalFormOptions.idSeparator || '_';
  return (
    <div className="errors" id={`${idPrefix}-errors`} tabIndex={-1}>
      <h3 className="panel-title">{t('rjsf.errors')}</h3>
      <ul>
        {errors.map((error, index) => {
          const path = propertyPath(error.property);
          // ajv errors were already rewritten by transformErrors (they carry a name); server ones were not.
          const text = error.name
            ? error.stack
            : (() => {
                const field = fieldTitle(registry.rootSchema as JsonObject, path);
                const message = error.message ?? error.stack;
                return field ? t('validation.fieldMessage', { field, message }) : message;
              })();
          const target = [idPrefix, ...path].join(separator);
          return (
            <li key={index}>
              {path.length ? (
                <a
                  href={`#${target}`}
                  onClick={(event) => {
                    const field = document.getElementById(target);
                    if (field) {
                      event.preventDefault();
                      field.focus();
                    }
                  }}
                >
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
