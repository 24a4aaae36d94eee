// The catalogues' keys, apart from index.ts (whose useT reads the store): the store's slices
// name message keys, and importing index.ts from there would make store and i18n import each other.
// A new messages.ts beside a feature adds its key type here and its catalogue in index.ts.
import type { FaceMessageKey } from '../face/messages';
import type { PrintMessageKey } from '../print/messages';
import type { AdminMessageKey } from '../admin/messages';
import type { IdentifyMessageKey } from '../screens/identify/messages';
import type { StaffMessageKey } from '../staff/messages';
import type { FamilyMessageKey } from '../family/messages';
import type { AppMessageKey } from './zh-CN';

export type MessageKey = AppMessageKey | FaceMessageKey | PrintMessageKey | AdminMessageKey | IdentifyMessageKey | StaffMessageKey | FamilyMessageKey;
