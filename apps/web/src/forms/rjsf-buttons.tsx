import { TranslatableString, type IconButtonProps } from '@rjsf/utils';

// RJSF's core theme draws these as Bootstrap glyph icons, which we do not ship: visible text instead.

function TextButton({ label, variant, props }: { label: string; variant?: string; props: IconButtonProps }) {
  const { id, onClick, disabled } = props;
  return (
    <button type="button" id={id} className={`btn ${variant ?? ''}`} onClick={onClick} disabled={disabled}>
      {label}
    </button>
  );
}

const make = (key: TranslatableString, variant?: string) =>
  function Button(props: IconButtonProps) {
    return <TextButton label={props.registry.translateString(key)} variant={variant} props={props} />;
  };

export const buttonTemplates = {
  AddButton: make(TranslatableString.AddItemButton, 'btn-add'),
  CopyButton: make(TranslatableString.CopyButton),
  MoveDownButton: make(TranslatableString.MoveDownButton),
  MoveUpButton: make(TranslatableString.MoveUpButton),
  RemoveButton: make(TranslatableString.RemoveButton, 'btn-remove'),
  ClearButton: make(TranslatableString.ClearButton),
};
