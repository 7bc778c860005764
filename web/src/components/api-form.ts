// Submitting a Mantine form to the API: field errors from the answer go beside their fields; anything else
// is returned for the form to show above itself.
import type { UseFormReturnType } from '@mantine/form';
import { ApiError, messageOf } from '../api/problem.ts';

export async function submitToApi<V>(
  form: UseFormReturnType<V>,
  send: () => Promise<void>,
): Promise<string | null> {
  try {
    await send();
    return null;
  } catch (error) {
    if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return messageOf(error);
    form.setErrors(error.byField());
    focusFirstInvalidField();
    const known = new Set(Object.keys(form.getValues() as object));
    const elsewhere = error.fieldErrors.filter((e) => !known.has(e.field));
    if (elsewhere.length) return elsewhere.map((e) => `${e.field}: ${e.message}`).join('; ');
    // A conflict's own words (whose reservation is in the way, who holds it) say more than a generic line.
    return error.status === 409 ? error.message : 'Please correct the marked fields.';
  }
}

/** A form value for an optional text field: blank is null. */
export const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * Moves focus (and the screen) to the first field marked invalid, once React has rendered the marks: on a busy
 * phone the render can land a few frames after the answer, so it looks again on the next frames for a while.
 */
export function focusFirstInvalidField(framesLeft = 30): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) field.focus();
    else if (framesLeft > 0) focusFirstInvalidField(framesLeft - 1);
  });
}
