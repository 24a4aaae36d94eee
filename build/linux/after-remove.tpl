#!/bin/bash
# electron-builder 26.17's default after-remove.tpl (templates/linux/), FaceSettle's additions at the end.
# Templated by electron-builder: ${executable} and ${sanitizedProductName} are its macros, and
# any other dollar-brace word is an error, so shell variables here are written $NAME.

# Delete the link to the binary
# update-alternatives --remove <name> <path>: 'path' must be the registered alternative binary,
# not the generic symlink — see https://man7.org/linux/man-pages/man1/update-alternatives.1.html
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'

# Remove and unload apparmor profile.
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  # Unload the profile from the running kernel before deleting the file so the
  # policy is not left enforced until the next reboot.  Mirror the chroot guard
  # used in the after-install script — live AppArmor operations are not
  # meaningful inside a chroot.
  # https://wiki.debian.org/AppArmor/HowToUse
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi
# FaceSettle: stop starting the kiosk on removal (an upgrade's postrm gets "upgrade" and keeps
# it); forget the kiosk account only on purge.
if [ "$1" = remove ] || [ "$1" = purge ]; then
    if hash systemctl 2>/dev/null; then
        systemctl --global disable facesettle-kiosk.service || true
    fi
fi
if [ "$1" = purge ]; then
    rm -f /etc/default/facesettle
    rm -rf /etc/systemd/user/facesettle-kiosk.service.d
fi
