; Pairing Wizard: the Windows installer (NSIS 3, Modern UI 2).
;
;   makensis -DVERSION=0.1.0 -DDIST=C:\path\to\dist\pairing-wizard ^
;            -DOUTFILE=C:\path\to\dist\PairingWizard-0.1.0-setup.exe packaging\windows\installer.nsi
;
; Relative -D paths are read from this script's folder (makensis changes into it);
; pass absolute ones. DIST is PyInstaller's one-folder output (pairing-wizard.exe,
; pairing-wizard-cli.exe, _internal\). VERSION_NUMERIC (a.b.c.d) is derived from
; VERSION when not given.
;
; Per-user install, no administrator rights: %LOCALAPPDATA%\Programs\Pairing Wizard,
; Start-menu entries, an uninstaller registered under HKCU. The uninstaller keeps the
; user's pairing history, settings and logs (%LOCALAPPDATA%\pairing-wizard) unless
; "Also remove my pairing history and settings" is ticked.

Unicode true
; The app is 64-bit; so is the installer (it runs on 64-bit Windows, and under a 64-bit
; Wine prefix in `make installer-check` without 32-bit Wine).
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"

!define APP_NAME "Pairing Wizard"
!define APP_EXE "pairing-wizard.exe"
!define CLI_EXE "pairing-wizard-cli.exe"
!define PUBLISHER "Pairing Wizard"
!define REG_APP "Software\Pairing Wizard"
!define REG_UNINSTALL "Software\Microsoft\Windows\CurrentVersion\Uninstall\PairingWizard"
; platformdirs' user data, config and log dirs on Windows (appauthor=False).
!define USER_DATA "$LOCALAPPDATA\pairing-wizard"
; The named mutex the running app holds (app/single_instance.py: the same name).
!define APP_MUTEX "Local\PairingWizard-Running"
; Exit codes of a silent (/S) run that could not do its job (0: done).
!define EXIT_APP_RUNNING 3
!define EXIT_COPY_FAILED 4

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=1.2.3 ..."
!endif
!ifndef VERSION_NUMERIC
  ; "1.2.3", "1.2.3-rc1" or "1.2" -> "1.2.3.0" (VIProductVersion wants four numbers).
  !searchparse /noerrors "${VERSION}" "" V_MAJOR "." V_MINOR "." V_PATCH
  !ifndef V_MINOR
    !define V_MINOR 0
  !endif
  !ifndef V_PATCH
    !define V_PATCH 0
  !endif
  !define /math V_MAJOR_N "${V_MAJOR}" + 0
  !define /math V_MINOR_N "${V_MINOR}" + 0
  !define /math V_PATCH_N "${V_PATCH}" + 0
  !define VERSION_NUMERIC "${V_MAJOR_N}.${V_MINOR_N}.${V_PATCH_N}.0"
!endif
!ifndef DIST
  !define DIST "../../dist/pairing-wizard"
!endif
!ifndef OUTFILE
  !define OUTFILE "../../dist/PairingWizard-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "../icons/app.ico"
!endif

Name "${APP_NAME}"
Caption "${APP_NAME} ${VERSION} Setup"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${REG_APP}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_NUMERIC}"
VIFileVersion "${VERSION_NUMERIC}"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} Setup"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APP_NAME} now"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

; --- the running app ---------------------------------------------------------------
; While Pairing Wizard runs, its exe and loaded DLLs cannot be replaced: an upgrade would
; leave the old exe beside the new _internal. Ask to close it; a silent run fails.

!macro WAIT_UNTIL_APP_CLOSED UN
Function ${UN}WaitUntilAppClosed
  retry:
    ; SYNCHRONIZE (0x00100000): only to know whether the app's mutex exists.
    System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${APP_MUTEX}") p .r0'
    ${If} $0 P<> 0
      System::Call 'kernel32::CloseHandle(p r0)'
      ${If} ${Silent}
        DetailPrint "Pairing Wizard is running: close it, then run this again."
        SetErrorLevel ${EXIT_APP_RUNNING}
        Abort
      ${EndIf}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION \
        "Pairing Wizard is running. Close it (and its offline demo), then choose Retry." \
        /SD IDCANCEL IDRETRY retry
      SetErrorLevel ${EXIT_APP_RUNNING}
      Abort
    ${EndIf}
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_APP_CLOSED ""
!insertmacro WAIT_UNTIL_APP_CLOSED "un."

Function .onInit
  Call WaitUntilAppClosed
FunctionEnd

; --- install ----------------------------------------------------------------------

Section "${APP_NAME}" SecApp
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An older version's libraries must not linger next to the new ones.
  ClearErrors
  RMDir /r "$INSTDIR\_internal"
  ; A file that cannot be replaced (in use) is an error to report, not a prompt that a
  ; silent run would answer by leaving the old file there.
  SetOverwrite try
  File /r "${DIST}/*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  ${If} ${Errors}
    DetailPrint "Some files of Pairing Wizard could not be written to $INSTDIR."
    ${IfNot} ${Silent}
      MessageBox MB_ICONSTOP "Some files of Pairing Wizard could not be written to $INSTDIR \
        (is it open?). Close it and run the setup again."
    ${EndIf}
    SetErrorLevel ${EXIT_COPY_FAILED}
    Abort
  ${EndIf}
  SetOverwrite on

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" \
    "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME} (offline demo).lnk" \
    "$INSTDIR\${APP_EXE}" "--demo" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Uninstall ${APP_NAME}.lnk" "$INSTDIR\Uninstall.exe"

  WriteRegStr HKCU "${REG_APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${REG_APP}" "Version" "${VERSION}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${REG_UNINSTALL}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${REG_UNINSTALL}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${REG_UNINSTALL}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${REG_UNINSTALL}" "NoModify" 1
  WriteRegDWORD HKCU "${REG_UNINSTALL}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${REG_UNINSTALL}" "EstimatedSize" "$0"
SectionEnd

; --- uninstall --------------------------------------------------------------------
; Sections run in order: the optional clean-up first, while the program that can
; sign out of the keychain is still there.

Section /o "un.Also remove my pairing history and settings" UnSecData
  SetShellVarContext current
  ; Stored sign-ins and api keys live in Windows Credential Manager and the settings in
  ; the registry, not in files: `forget-all` removes them (every API root's sign-in).
  ${If} ${FileExists} "$INSTDIR\${CLI_EXE}"
    nsExec::Exec '"$INSTDIR\${CLI_EXE}" forget-all --yes'
    Pop $0
    DetailPrint "forget-all: $0"
  ${EndIf}
  ; What forget-all could not reach (an older app without it): settings and files.
  DeleteRegKey HKCU "Software\pairing-wizard"
  RMDir /r "${USER_DATA}"
SectionEnd

Section "un.${APP_NAME}" UnSecApp
  SectionIn RO
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\${APP_NAME} (offline demo).lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\Uninstall ${APP_NAME}.lnk"
  RMDir "$SMPROGRAMS\${APP_NAME}"

  ; Only what we installed: never RMDir /r a folder the user may have chosen.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "${REG_UNINSTALL}"
  DeleteRegKey HKCU "${REG_APP}"
SectionEnd

; After the sections (it names UnSecData). `Uninstall.exe /S /REMOVEDATA` ticks "Also
; remove my pairing history and settings" in a silent uninstall.
Function un.onInit
  Call un.WaitUntilAppClosed
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${UnSecData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
