import { useMemo } from 'react';
import type { Result } from '../../shared/result';
import type { FamilyMemberView } from '../../shared/types/settlement';
import type { CounterError, Person } from '../api/counter';
import { useCounter } from '../flows/useCounter';
import { useKioskStore } from '../store';

const store = () => useKioskStore.getState();

/** Who acts at the counter: the payer while a relative acts, else the person identified. */
export const actingPerson = (): Person | null => store().familyPayer ?? store().person;

/**
 * 为家人办理 (issue 15): the identified person (the payer) lists their bound family and acts for one
 * of them; `person` then becomes the patient (with `payer`), and every flow runs for the patient.
 * The payer's own session stays open until the visit ends (useCounter's finish ends both), so the
 * payer can go back and choose another member. Answers for a patient who has gone are dropped.
 */
export function useFamily() {
  const { api } = useCounter();
  return useMemo(() => {
    /** Whether the answer still belongs to this visit. */
    async function current<T>(call: Promise<Result<T>>): Promise<Result<T> | null> {
      const generation = store().generation;
      const result = await call;
      return store().generation === generation ? result : null;
    }

    /** 为家人办理 from "is this you?": the identified person becomes the payer. */
    function open(): void {
      const person = store().person;
      if (!person || person.payer) return;
      store().setFamily({ familyPayer: person, family: null });
      store().goTo('family');
    }

    /** The payer's bound family; an error the screen says in its words. */
    async function list(): Promise<{ members: FamilyMemberView[] } | { error: CounterError } | null> {
      const payer = store().familyPayer;
      if (!payer) return null;
      const result = await current(api.listFamily({ personRef: payer.personRef }));
      if (!result) return null;
      if (!result.ok) return { error: result.error };
      store().setFamily({ familyPayer: payer, family: result.value.members });
      return { members: result.value.members };
    }

    /** Acting for one member: the patient is identified by the member's token; then the patient's check. */
    async function actFor(member: FamilyMemberView): Promise<CounterError | null> {
      const payer = store().familyPayer;
      if (!payer) return null;
      const result = await current(api.actForFamily({ personRef: payer.personRef, memberRef: member.memberRef }));
      if (!result) return null;
      if (!result.ok) return result.error;
      store().setPerson(result.value);
      store().goTo('is-this-you');
      return null;
    }

    /** Not this member: the patient's session ends, the payer chooses again from a fresh list. */
    async function chooseAnother(): Promise<void> {
      const { person, familyPayer } = store();
      if (!familyPayer) return;
      store().setPerson(familyPayer);
      store().setFamily({ familyPayer, family: null });
      store().goTo('family');
      if (person && person.personRef !== familyPayer.personRef) await api.endSession({ personRef: person.personRef });
    }

    /** Back to acting for oneself: the payer is the person again. */
    function backToSelf(): void {
      const payer = store().familyPayer;
      if (payer) store().setPerson(payer);
      store().setFamily({ familyPayer: null, family: null });
      store().goTo('is-this-you');
    }

    return { open, list, actFor, chooseAnother, backToSelf };
  }, [api]);
}
