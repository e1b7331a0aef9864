; Inno Setup script for the Windows installer (Inno Setup 6.3 or newer, with its Simplified Chinese messages).
; Built by packaging\build.py, which first makes dist\desktop-crm and then runs, from this folder:
;     ISCC /DAppVersion=<version from pyproject.toml> windows.iss
; Output: dist\desktop-crm-<version>-setup.exe. A per-user install: no administrator rights, the program in
; %LOCALAPPDATA%\Programs\Desktop CRM, a Start-menu entry, an uninstaller (Settings > Apps), English and
; Simplified Chinese setup screens, and "Launch Desktop CRM" ticked on the last page. Saved as UTF-8 with a
; byte-order mark (Inno Setup reads the Chinese text right only then). VersionInfoVersion needs a numeric
; version (x.y.z). The user's data (%APPDATA%\desktop-crm) is left alone by the uninstaller.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z windows.iss (packaging\build.py does)
#endif
#define AppName "Desktop CRM"
#define AppExe "desktop-crm.exe"

[Setup]
; AppId identifies the application for upgrades and the uninstaller: never change it.
AppId={{43C8DD39-083D-46F5-9B44-24E45DA45D5B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Desktop CRM
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=icons\desktop-crm.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\dist
OutputBaseFilename=desktop-crm-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
  #error Languages\ChineseSimplified.isl is missing from Inno Setup: put the Simplified Chinese translation (https://jrsoftware.org/files/istrans/) there
#endif

[CustomMessages]
en.LaunchApp=Launch Desktop CRM
zh_CN.LaunchApp=启动销售客户管理

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program folder's libraries (never the user's data, which lives elsewhere).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\desktop-crm\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent
