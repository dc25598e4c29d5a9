<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Gatehouse::SettingsDialog</name>
    <message numerus="yes">
        <source>The keychain is available; %n credential(s) stored for this project.</source>
        <translation><numerusform>The keychain is available; %n credential stored for this project.</numerusform><numerusform>The keychain is available; %n credentials stored for this project.</numerusform></translation>
    </message>
</context>
</TS>