; Inno Setup script for the Windows installer. Build dist\desktop-crm first (python packaging\build.py),
; then: ISCC packaging\windows.iss
[Setup]
AppName=Desktop CRM
AppVersion=0.1.0
DefaultDirName={autopf}\Desktop CRM
DefaultGroupName=Desktop CRM
OutputDir=..\dist
OutputBaseFilename=desktop-crm-setup
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\dist\desktop-crm\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Desktop CRM"; Filename: "{app}\desktop-crm.exe"
Name: "{autodesktop}\Desktop CRM"; Filename: "{app}\desktop-crm.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
