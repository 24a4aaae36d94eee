import type { StateCreator } from 'zustand';
import type { FamilyMemberView, RegistrationInfo } from '../../../shared/types/settlement';
import type { AdmissionAnswer, Bill, CounterError, Person, Product, QuoteView, Receipt, Slot } from '../../api/counter';
import type { Screen, SessionSlice } from './sessionSlice';

/** A pharmacy cart line: the product as the catalogue priced it, and how many. */
export interface CartLine {
  product: Product;
  cnt: number;
}

/** What went wrong, in the engine's words, and where "try again" goes back to. */
export interface Problem {
  error: CounterError;
  retryScreen: Screen | null;
}

/** Everything about the patient being served. resetSession() puts all of it back to initial. */
export interface SettlementSlice {
  person: Person | null;
  authNo: string | null;
  wrongDigitsLeft: number | null;
  slots: Slot[];
  department: string | null;
  bills: Bill[];
  /** The bills the patient chose to pay (one visit's): 重新支付 after a failed payment quotes them again. */
  billIds: string[];
  stayNo: string | null;
  admission: AdmissionAnswer | null;
  cart: CartLine[];
  /** The prescription a pharmacy sale fills, as staff scanned or typed it; empty over the counter. */
  rxno: string;
  quote: QuoteView | null;
  /** The booked place, kept from the quote for the slip (the settlement receipt does not carry it). */
  registration: RegistrationInfo | null;
  receipt: Receipt | null;
  problem: Problem | null;
  /** Family payment (issue 15): who was identified and acts (`person` is then the patient), and their bound family. */
  familyPayer: Person | null;
  family: FamilyMemberView[] | null;
  setFamily(family: { familyPayer: Person | null; family: FamilyMemberView[] | null }): void;
  setPerson(person: Person | null): void;
  askSecondFactor(authNo: string): void;
  setWrongDigitsLeft(left: number | null): void;
  setSlots(slots: Slot[]): void;
  chooseDepartment(name: string): void;
  setBills(bills: Bill[]): void;
  chooseBills(billIds: string[]): void;
  chooseStay(stayNo: string): void;
  setAdmission(admission: AdmissionAnswer): void;
  addToCart(product: Product): void;
  changeCount(medinsListCodg: string, delta: number): void;
  setRxno(rxno: string): void;
  setQuote(quote: QuoteView | null): void;
  setReceipt(receipt: Receipt): void;
  showProblem(problem: Problem): void;
}

export const initialSettlement = {
  person: null as Person | null,
  authNo: null as string | null,
  wrongDigitsLeft: null as number | null,
  slots: [] as Slot[],
  department: null as string | null,
  bills: [] as Bill[],
  billIds: [] as string[],
  stayNo: null as string | null,
  admission: null as AdmissionAnswer | null,
  cart: [] as CartLine[],
  rxno: '',
  quote: null as QuoteView | null,
  registration: null as RegistrationInfo | null,
  receipt: null as Receipt | null,
  problem: null as Problem | null,
  familyPayer: null as Person | null,
  family: null as FamilyMemberView[] | null,
};

export const createSettlementSlice: StateCreator<SettlementSlice & SessionSlice, [], [], SettlementSlice> = (set) => ({
  ...initialSettlement,
  setFamily: ({ familyPayer, family }) => set({ familyPayer, family }),
  setPerson: (person) => set({ person, authNo: null, wrongDigitsLeft: null }),
  askSecondFactor: (authNo) => set({ authNo, wrongDigitsLeft: null, screen: 'second-factor' }),
  setWrongDigitsLeft: (wrongDigitsLeft) => set({ wrongDigitsLeft }),
  setSlots: (slots) => set({ slots }),
  chooseDepartment: (department) => set({ department, screen: 'slots' }),
  setBills: (bills) => set({ bills }),
  chooseBills: (billIds) => set({ billIds }),
  chooseStay: (stayNo) => set({ stayNo }),
  setAdmission: (admission) => set({ admission, screen: 'admitted' }),
  addToCart: (product) =>
    set((s) => {
      const found = s.cart.some((line) => line.product.medinsListCodg === product.medinsListCodg);
      return {
        cart: found
          ? s.cart.map((line) => (line.product.medinsListCodg === product.medinsListCodg ? { ...line, cnt: line.cnt + 1 } : line))
          : [...s.cart, { product, cnt: 1 }],
      };
    }),
  changeCount: (code, delta) =>
    set((s) => ({
      cart: s.cart
        .map((line) => (line.product.medinsListCodg === code ? { ...line, cnt: line.cnt + delta } : line))
        .filter((line) => line.cnt > 0),
    })),
  setRxno: (rxno) => set({ rxno }),
  setQuote: (quote) => set({ quote, registration: quote?.registration ?? null }),
  setReceipt: (receipt) => set({ receipt, quote: null, screen: 'receipt' }),
  showProblem: (problem) => set({ problem, screen: 'problem' }),
});
