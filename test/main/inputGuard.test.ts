import { installInputGuard, shouldBlockInput, type KeyInput } from '../../electron/main/kiosk/inputGuard';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...mods,
});

describe('shortcut filter', () => {
  it.each([
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+Shift+W', key('W', { control: true, shift: true })],
    ['Ctrl+R', key('r', { control: true })],
    ['F5', key('F5')],
    ['F11', key('F11')],
    ['F12', key('F12')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['Cmd+Alt+I on macOS keyboards', key('i', { meta: true, shift: true })],
    ['Alt+Tab', key('Tab', { alt: true })],
    ['Ctrl+Tab', key('Tab', { control: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+Plus', key('+', { control: true })],
    ['Ctrl+0', key('0', { control: true })],
    ['Ctrl+Esc', key('Escape', { control: true })],
    ['Meta', key('Meta')],
    ['ContextMenu', key('ContextMenu')],
    ['Alt+Left (history back)', key('ArrowLeft', { alt: true })],
  ])('blocks %s', (_name, input) => {
    expect(shouldBlockInput(input)).toBe(true);
  });

  it.each([
    ['digits for an ID number', key('7')],
    ['the X of an ID number', key('X', { shift: true })],
    ['Enter from a barcode scanner', key('Enter')],
    ['Backspace', key('Backspace')],
    ['Tab between fields', key('Tab')],
    ['Escape to close a dialog', key('Escape')],
    ['Ctrl+A in a staff form', key('a', { control: true })],
    ['Ctrl+C', key('c', { control: true })],
  ])('lets %s through', (_name, input) => {
    expect(shouldBlockInput(input)).toBe(false);
  });

  it('ignores key-up events', () => {
    expect(shouldBlockInput({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });

  it('prevents the default of blocked keys on before-input-event', () => {
    const listeners: Record<string, (event: { preventDefault(): void }, input: KeyInput) => void> = {};
    installInputGuard({ on: (name: string, listener: never) => ((listeners[name] = listener), undefined) } as never);
    const blocked = { preventDefault: jest.fn() };
    const allowed = { preventDefault: jest.fn() };
    listeners['before-input-event']!(blocked, key('F4', { alt: true }));
    listeners['before-input-event']!(allowed, key('5'));
    expect(blocked.preventDefault).toHaveBeenCalled();
    expect(allowed.preventDefault).not.toHaveBeenCalled();
  });
});
