; Inno Setup script of the I.Am Desk installer for Windows (per-user install, no administrator rights needed).
;
; NOT BUILT NOR TESTED IN THIS PROJECT'S CI: it needs Windows. On a Windows machine with Python 3.11+, uv and Inno
; Setup 6 (docs/operations.md, "Windows installer"):
;   uv sync --frozen
;   uv run --frozen python -m iam_desktop.ui.i18n_build
;   uv run --frozen pyinstaller --noconfirm packaging\iam-desk.spec      -> dist\iam-desk\
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\iam-desk.iss   -> dist\iam-desk-setup-VERSION.exe
; Pass the version with /DAppVersion=0.1.0 (it must be pyproject.toml's).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1E3C52-3C2B-4E55-9B0E-1A4D5E7F9A10}
AppName=I.Am Desk
AppVersion={#AppVersion}
AppPublisher=Rete I.Am - Sportelli del Territorio
DefaultDirName={localappdata}\Programs\I.Am Desk
DefaultGroupName=I.Am Desk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=iam-desk-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\iam-desk.ico
UninstallDisplayIcon={app}\iam-desk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "italian"; MessagesFile: "compiler:Languages\Italian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole PyInstaller one-folder bundle. The desks' data live in the user's AppData, never in {app}.
Source: "..\..\dist\iam-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\I.Am Desk"; Filename: "{app}\iam-desk.exe"
Name: "{autodesktop}\I.Am Desk"; Filename: "{app}\iam-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\iam-desk.exe"; Description: "{cm:LaunchProgram,I.Am Desk}"; Flags: nowait postinstall skipifsilent
