import type { ComponentType } from 'react';
import { BillsScreen } from '../flows/cashier/BillsScreen';
import { AdmitScreen } from '../flows/inpatient/AdmitScreen';
import { AdmittedScreen } from '../flows/inpatient/AdmittedScreen';
import { StaysScreen } from '../flows/inpatient/StaysScreen';
import { DepartmentsScreen } from '../flows/registration/DepartmentsScreen';
import { SlotsScreen } from '../flows/registration/SlotsScreen';
import { ConsentScreen } from '../screens/ConsentScreen';
import { HomeScreen } from '../screens/HomeScreen';
import { CardScreen } from '../screens/identify/CardScreen';
import { FaceScreen } from '../screens/identify/FaceScreen';
import { IdNumberScreen } from '../screens/identify/IdNumberScreen';
import { IsThisYouScreen } from '../screens/identify/IsThisYouScreen';
import { OtherWaysScreen } from '../screens/identify/OtherWaysScreen';
import { QrScreen } from '../screens/identify/QrScreen';
import { SecondFactorScreen } from '../screens/identify/SecondFactorScreen';
import { CancelScreen } from '../screens/settle/CancelScreen';
import { CashTakenScreen } from '../screens/settle/CashTakenScreen';
import { ProblemScreen } from '../screens/settle/ProblemScreen';
import { QuoteScreen } from '../screens/settle/QuoteScreen';
import { ReceiptScreen } from '../screens/settle/ReceiptScreen';
import { SettlingScreen } from '../screens/settle/SettlingScreen';
import { TodayLookup } from '../staff/TodayLookup';
import { CapFactorScreen } from '../family/CapFactorScreen';
import { FamilyScreen } from '../family/FamilyScreen';
import type { Screen } from '../store/slices/sessionSlice';

/** Which component shows which screen. */
export const SCREENS: Record<Screen, ComponentType> = {
  home: HomeScreen,
  consent: ConsentScreen,
  face: FaceScreen,
  'other-ways': OtherWaysScreen,
  qr: QrScreen,
  card: CardScreen,
  'id-number': IdNumberScreen,
  'second-factor': SecondFactorScreen,
  'is-this-you': IsThisYouScreen,
  family: FamilyScreen,
  'cap-factor': CapFactorScreen,
  departments: DepartmentsScreen,
  slots: SlotsScreen,
  bills: BillsScreen,
  stays: StaysScreen,
  admit: AdmitScreen,
  admitted: AdmittedScreen,
  quote: QuoteScreen,
  settling: SettlingScreen,
  'cash-taken': CashTakenScreen,
  receipt: ReceiptScreen,
  cancel: CancelScreen,
  today: TodayLookup,
  problem: ProblemScreen,
};
